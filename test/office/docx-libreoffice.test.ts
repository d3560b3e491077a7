// The Word file opens in LibreOffice without repair: converted headless to PDF, its text reads back
// in order. LibreOffice comes from Debian's libreoffice-writer-nogui, which .ci/run installs. Part of
// the suite of programs readers open the report in (`npm run test:browser`), beside Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDocx } from '../../src/render/docx/index.js';
import { sample } from '../fixtures/document/sample.js';
import { needing } from '../helpers/system.js';

// Without LibreOffice there is nothing to open the file with, and without poppler nothing to read
// its PDF: CI installs both, so this runs there.
const withLibreOffice = needing('libreoffice-writer-nogui', 'poppler-utils').test;

describe('DOCX in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'covenant-docx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  withLibreOffice('converts to PDF whole, with every word in reading order', async () => {
    const file = join(dir, 'sample.docx');
    writeFileSync(file, await writeDocx(sample, { date: new Date('2014-10-01T00:00:00Z') }));
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const text = execFileSync('pdftotext', [join(dir, 'sample.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const expected = [
      'Draft: not for publication', 'Sample progress report', 'One year on', 'Published: 1 October 2014', 'Contents', 'Education',
      'Virtual school heads now champion care leavers in every area.', 'Bursaries of £2,000', 'Priority admissions', '3. Third, nested',
      'It made a real difference to me.', 'Care leaver, 19', 'line one', 'line two', 'Status: Met up from On track regression',
      'Summary of progress', 'Pledges by status', 'Pledges by department', 'Department', 'DfE', '© Crown copyright 2014',
      'Department for Education, 2014.', 'Page 1 of 2',
    ];
    let from = 0;
    for (const words of expected) {
      const at = text.indexOf(words, words === 'Page 1 of 2' ? 0 : from);
      expect({ words, found: at !== -1 }).toEqual({ words, found: true });
      if (words !== 'Page 1 of 2') from = at;
    }
    expect(readFileSync(join(dir, 'sample.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 150_000);
});
