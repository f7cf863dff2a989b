// ES module form of ft-polyfill/playwright (the same test and expect as index.cjs).
import { createRequire } from 'node:module';

const fixture = createRequire(import.meta.url)('./index.cjs');

export const { test, expect } = fixture;
export default test;
