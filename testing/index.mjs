// ES module form of ft-polyfill/testing (the same functions as index.cjs).
import { createRequire } from 'node:module';

const kit = createRequire(import.meta.url)('./index.cjs');

export const { ftMatchers, pendingMessages, setupFt, installFt, createFt, polyfillGlobals, injectFt, readHost, expectNoDeviceChecks, deviceCheckError, scriptPath, uiScriptPath, JSSDK_URL } = kit;
export default kit;
