// What some suites need from the machine beyond npm, by Debian package: poppler's tools to read a
// PDF back, fonts for scripts the shipped fonts lack (found through fontconfig), LibreOffice to open
// the Word file. Each Jest config asks for its suite's packages; each is looked for once a run,
// and a missing one is said. Its tests are then skipped (test/helpers/system.ts), or, with
// COVENANT_REQUIRE_SYSTEM=1 (.ci/run), the run stops. The workers learn the answers from the
// environment.
import { spawnSync } from 'node:child_process';

const output = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? `${result.stdout}${result.stderr}` : '';
};

const SYSTEM = {
  'poppler-utils': () => output('pdftotext', ['-v']) !== '',
  // 住 and Urdu's ہ, which no font shipped from npm has.
  'fonts-noto-cjk': () => output('fc-list', [':charset=4f4f', 'file']).trim() !== '',
  'fonts-noto-core': () => output('fc-list', [':charset=6c1', 'file']).trim() !== '',
  'libreoffice-writer-nogui': () => output('soffice', ['--version']) !== '',
};

const listed = (name) => new Set((process.env[name] ?? '').split(',').filter(Boolean));

/** Looks for the packages not looked for yet this run; says which are missing, or stops the run. */
export function checkSystem(packages) {
  const checked = listed('COVENANT_SYSTEM_CHECKED');
  const missing = listed('COVENANT_SYSTEM_MISSING');
  const fresh = packages.filter((name) => !checked.has(name));
  const lacking = fresh.filter((name) => !SYSTEM[name]());
  if (lacking.length > 0 && process.env.COVENANT_REQUIRE_SYSTEM === '1') {
    process.stderr.write(`covenant tests: ${lacking.join(', ')} not installed, and COVENANT_REQUIRE_SYSTEM=1 requires them: apt-get install ${lacking.join(' ')}\n`);
    process.exit(1);
  }
  if (lacking.length > 0) {
    process.stderr.write(`covenant tests: ${lacking.join(', ')} not installed: the tests that need them are skipped (apt-get install ${lacking.join(' ')}; .ci/run does)\n`);
  }
  process.env.COVENANT_SYSTEM_CHECKED = [...checked, ...fresh].join(',');
  process.env.COVENANT_SYSTEM_MISSING = [...missing, ...lacking].join(',');
}
