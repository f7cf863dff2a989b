'use strict';
// Jest: testEnvironment: 'ft-polyfill/jest-environment-node' (testing/jest-environment.cjs).
module.exports = require('./jest-environment.cjs').environmentWithFt('jest-environment-node');
