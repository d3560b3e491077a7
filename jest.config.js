// Jest runs the TypeScript sources as native ES modules (the package is "type": "module" and
// chalk 5 is ESM-only), so `npm test` starts Node with --experimental-vm-modules.
import { availableParallelism } from 'node:os';
import { checkSystem } from './test/helpers/system-check.js';

// The unit suite reads PDFs back with poppler and sets scripts in fonts found through fontconfig.
checkSystem(['poppler-utils', 'fonts-noto-cjk', 'fonts-noto-core']);

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': '<rootDir>/test/helpers/transform.js',
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/office/', '<rootDir>/test/package/'],
  coverageProvider: 'v8',
  // Jest's default is one worker fewer than the cores, which on two cores is one: the suites would
  // run one after another. Its own process mostly waits, so every core gets a worker.
  maxWorkers: availableParallelism(),
  // Suites that start covenant as a process, or write PDFs, take seconds each, and ten times that
  // on a shared machine with every core busy: Jest's 5 s default (and 30 s) failed tests that had
  // not failed. A timeout is for a test that hangs.
  testTimeout: 120_000,
};
