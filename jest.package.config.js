// The package suite: `npm pack`, installed into an empty project as users install it; a clone
// installed for production; the GitHub Action's steps on a data repository. Run by
// `npm run test:package` (which builds first); .ci/run runs it.
import base from './jest.config.js';

/** @type {import('jest').Config} */
export default {
  ...base,
  testMatch: ['<rootDir>/test/package/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // npm installs take tens of seconds on a busy machine.
  testTimeout: 300_000,
};
