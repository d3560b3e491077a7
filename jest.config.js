// Jest runs the TypeScript sources as native ES modules (the package is "type": "module" and
// chalk 5 is ESM-only), so `npm test` starts Node with --experimental-vm-modules.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

// What some tests need from the machine beyond npm, by Debian package: poppler's tools to read a PDF
// back, and fonts for scripts the shipped fonts lack, found through fontconfig. Where one is
// missing its tests are skipped, and said so here; with COVENANT_REQUIRE_SYSTEM=1 (.ci/run) the run
// stops instead. The workers learn what is missing from the environment (test/helpers/system.ts).
const output = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout}${result.stderr}` : '';
};
const SYSTEM = {
  'poppler-utils': () => output('pdftotext', ['-v']) !== '',
  // 住 and Urdu's ہ, which no font shipped from npm has.
  'fonts-noto-cjk': () => output('fc-list', [':charset=4f4f', 'file']).trim() !== '',
  'fonts-noto-core': () => output('fc-list', [':charset=6c1', 'file']).trim() !== '',
};
if (process.env.COVENANT_SYSTEM_MISSING === undefined) {
  const missing = Object.keys(SYSTEM).filter((name) => !SYSTEM[name]());
  if (missing.length > 0 && process.env.COVENANT_REQUIRE_SYSTEM === '1') {
    process.stderr.write(`covenant tests: ${missing.join(', ')} not installed, and COVENANT_REQUIRE_SYSTEM=1 requires them: apt-get install ${missing.join(' ')}\n`);
    process.exit(1);
  }
  if (missing.length > 0) {
    process.stderr.write(`covenant tests: ${missing.join(', ')} not installed: the tests that need them are skipped (apt-get install ${missing.join(' ')}; .ci/run does)\n`);
  }
  process.env.COVENANT_SYSTEM_MISSING = missing.join(',');
}

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
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
