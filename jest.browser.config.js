// The browser suite: the report opened in the programs its readers use: the HTML in headless
// Chromium (Debian's /usr/bin/chromium, or $CHROMIUM_PATH), the Word file in LibreOffice. Run by
// `npm run test:browser`; .ci/run installs both first. Each takes seconds to start, so the unit
// suite (`npm test`) leaves them to this one.
import base from './jest.config.js';
import { checkSystem } from './test/helpers/system-check.js';

checkSystem(['libreoffice-writer-nogui']);

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts', '<rootDir>/test/office/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
