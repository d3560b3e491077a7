// The browser suite: the HTML report opened in headless Chromium (Debian's /usr/bin/chromium, or
// $CHROMIUM_PATH). Run by `npm run test:browser`; .ci/run installs Chromium first.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
