// Tests that need a Debian package beyond npm (poppler-utils to read a PDF back, fonts for further
// scripts, LibreOffice): the suite's Jest config finds which are missing, once, and says so
// (system-check.js); here such tests are skipped, and counted as skipped in Jest's summary. Where
// nothing was looked for, every test runs.
export type SystemPackage = 'poppler-utils' | 'fonts-noto-cjk' | 'fonts-noto-core' | 'libreoffice-writer-nogui';

const missing = new Set((process.env.COVENANT_SYSTEM_MISSING ?? '').split(',').filter(Boolean));

/** Whether the machine has the packages. */
export function has(...packages: SystemPackage[]): boolean {
  return packages.every((name) => !missing.has(name));
}

/** Jest's test and describe, skipped where the machine lacks one of the packages. */
export function needing(...packages: SystemPackage[]): { test: jest.It; describe: jest.Describe } {
  return has(...packages) ? { test, describe } : { test: test.skip, describe: describe.skip };
}
