// The bundle's `main` run over several commands in one process, as run.ts runs the source's: the
// commands, with the folder each runs in, as JSON in the first argument; their results, as JSON,
// on standard output. Starting Node and loading the bundle once, not for each command.
import { capture } from './capture.js';

const { main } = await import(new URL('../../dist/bundle/main.js', import.meta.url).href);
const results = [];
for (const [argv, cwd] of JSON.parse(process.argv[2])) results.push(await capture(main, argv, { cwd }));
process.stdout.write(JSON.stringify(results));
