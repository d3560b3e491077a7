// Writes build/coverage.json: the characters the PDF's fonts for body text have, as ranges, so
// that `validate` can warn of text the PDF cannot show without reading a font at run time.
import { mkdir, writeFile } from 'node:fs/promises';
import { importSource } from './from-source.js';

const { coverage } = await importSource('render/pdf/fonts.ts');

const out = new URL('../build/coverage.json', import.meta.url);
await mkdir(new URL('.', out), { recursive: true });
await writeFile(out, `${JSON.stringify(coverage())}\n`);
