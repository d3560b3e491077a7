// --open: the preview's address opened in the user's browser ($BROWSER, else the system's opener).
import { spawn } from 'node:child_process';

/** Undefined once the opener has started; why not, otherwise. Its outcome is not waited for. */
export function openBrowser(url: string, env: Readonly<Record<string, string | undefined>>): Promise<string | undefined> {
  const [command, ...args] = env.BROWSER?.trim()
    ? [env.BROWSER.trim(), url]
    : process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  return new Promise((resolve) => {
    const child = spawn(command!, args, { stdio: 'ignore', detached: true });
    child.once('error', (error: NodeJS.ErrnoException) => resolve(`${command}: ${error.code ?? error.message}`));
    child.once('spawn', () => {
      child.unref();
      resolve(undefined);
    });
  });
}
