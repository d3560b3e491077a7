// A data file the system will not let covenant read (EACCES) is a located problem and exit 1, not
// an internal error. Tests usually run as root, which reads anything, so the refusal is simulated:
// node:fs is replaced for this file only, refusing to open dwp.yaml.
import { jest } from '@jest/globals';

const actual = await import('node:fs');
const refuse = (path: unknown) => String(path).endsWith('dwp.yaml');
const denied = () => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open' });
jest.unstable_mockModule('node:fs', () => ({
  ...actual,
  openSync: (path: Parameters<typeof actual.openSync>[0], ...rest: [never]) => {
    if (refuse(path)) throw denied();
    return actual.openSync(path, ...rest);
  },
}));

const { run } = await import('./helpers/run.js');
const { fixturesDir, STACK_LINE } = await import('./helpers/fixtures.js');

test('a department file covenant may not read: cannot-read, exit 1, no stack', async () => {
  const result = await run(['validate', '--data', 'valid', '--format', 'json'], { cwd: fixturesDir });
  expect(result.code).toBe(1);
  expect(result.stderr).toBe('');
  expect(result.stdout).not.toMatch(STACK_LINE);
  expect(JSON.parse(result.stdout)).toStrictEqual([{
    file: 'valid/2019/departments/dwp.yaml', line: 0, column: 0, severity: 'error', rule: 'cannot-read',
    message: 'the file cannot be read: permission denied (EACCES)', hint: 'let the user running covenant read it (check its permissions and owner)',
  }]);
});

test('report stops there too, writing nothing', async () => {
  const result = await run(['report', '2019', '--data', 'valid', '--format', 'md', '-o', '-'], { cwd: fixturesDir });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain('valid/2019/departments/dwp.yaml  error  the file cannot be read: permission denied (EACCES)');
});
