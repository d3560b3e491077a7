import { run } from './helpers/run.js';

describe('the command line', () => {
  test('validate passes on the shipped data', async () => {
    const result = await run(['validate']);
    expect(result.stdout).toMatch(/no problems/);
    expect(result.code).toBe(0);
  });

  test('an unknown command is a usage error with a suggestion', async () => {
    const result = await run(['valdate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'valdate'");
    expect(result.stderr).toContain('validate');
  });
});
