// A preview's state in the warm process: the last good report of the year (its HTML made at once,
// the Markdown, PDF and changes when first asked for) and the problems of the latest reading, if any.
import { Chalk } from 'chalk';
import type { LoadResult } from '../data/dataset.js';
import { loadDataset } from '../data/dataset.js';
import type { Dataset } from '../data/model.js';
import { problemFormatters } from '../formatters/index.js';
import { isError } from '../problems.js';
import type { RenderWarning } from '../render/index.js';
import { compareYears, type ChangeSet } from '../report/changes.js';
import { comparedYear, isTemplateMistake, yearReport, yearsToRead, type YearOptions, type YearReport } from '../cli/render-year.js';
import { FileCache } from './cache.js';

export interface PreviewSettings {
  /** Absolute path of the data folder. */
  dataDir: string;
  cwd: string;
  year: string;
  /** --previous, when given. */
  previous?: string;
  /** How the report is rendered (--templates, --draft), as `report` would. */
  render: YearOptions;
}

/** What a reading of the data came to, for the terminal. */
export type Outcome =
  | { kind: 'rendered'; version: number; filesRead: number; ms: number }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; result: LoadResult }
  | { kind: 'failed'; message: string; error: unknown };

/** What the page shows: the report's version, and the problems over it (plain text) when there are any. */
export interface PageState {
  version: number;
  problems: string | null;
}

export interface Pdf {
  bytes: Buffer;
  warnings: RenderWarning[];
}

/** The last good report, and its other formats once they were asked for. */
export interface Good {
  version: number;
  dataset: Dataset;
  previous: string | undefined;
  report: YearReport;
  html: string;
  sources: LoadResult['sources'];
  markdown?: Promise<string>;
  pdf?: Promise<Pdf>;
}

const plain = new Chalk({ level: 0 });

export class PreviewSession {
  private readonly cache = new FileCache();
  private good: Good | undefined;
  private problems: string | null = null;
  private fingerprint: string | undefined;
  private version = 0;
  private readonly listeners = new Set<(state: PageState) => void>();
  /** The reading running now, and whether another was asked for while it ran. */
  private running: Promise<Outcome[]> | undefined;
  private again = false;
  private forceNext = false;

  constructor(readonly settings: PreviewSettings) {}

  /** The previous year compared with, as the data stands: the year before appears when its folder does. */
  get previous(): string | undefined {
    return comparedYear(this.settings.dataDir, this.settings.year, this.settings.previous);
  }

  get state(): PageState {
    return { version: this.version, problems: this.problems };
  }

  get current(): Good | undefined {
    return this.good;
  }

  onChange(listener: (state: PageState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Reads the data again and renders when anything changed (`force`: even when not, as after a
   * template was saved). Readings never overlap: one asked for while another runs follows it, and
   * what it comes to goes to the caller of the first (the second's promise gives none, so that no
   * outcome is told twice).
   */
  refresh(force = false): Promise<Outcome[]> {
    this.forceNext ||= force;
    if (this.running) {
      this.again = true;
      return this.running.then(() => []);
    }
    this.running = (async () => {
      const outcomes: Outcome[] = [];
      do {
        this.again = false;
        const forced = this.forceNext;
        this.forceNext = false;
        outcomes.push(await this.readAndRender(forced));
      } while (this.again);
      this.running = undefined;
      return outcomes;
    })();
    return this.running;
  }

  private async readAndRender(force: boolean): Promise<Outcome> {
    const started = performance.now();
    const { dataDir, cwd, year } = this.settings;
    const previous = this.previous;
    this.cache.begin();
    let result: LoadResult;
    try {
      // The cache keeps each file's places already: the PDF's warnings point at the data with them.
      result = await loadDataset({ dataDir, cwd, years: yearsToRead(dataDir, year, previous), check: this.cache.check, keepPlaces: true });
    } catch (error) {
      return this.failed('covenant could not read the data', error);
    }
    const fingerprint = `${previous}\n${this.cache.fingerprint()}`;
    if (!force && fingerprint === this.fingerprint) return { kind: 'unchanged' };
    this.fingerprint = fingerprint;
    if (!result.dataset || result.problems.some(isError)) {
      this.publish(problemFormatters.stylish(result, plain));
      return { kind: 'invalid', result };
    }
    try {
      const report = await yearReport(result.dataset, year, previous, this.settings.render);
      const html = await report.text('html');
      this.good = { version: ++this.version, dataset: result.dataset, previous, report, html, sources: result.sources };
    } catch (error) {
      // The next save must try again, even if it puts the files back as they were.
      this.fingerprint = undefined;
      if (isTemplateMistake(error)) return this.failed('template error', error, error.message);
      return this.failed('covenant could not render the report', error);
    }
    this.publish(null);
    return { kind: 'rendered', version: this.version, filesRead: this.cache.read, ms: performance.now() - started };
  }

  private failed(what: string, error: unknown, detail = error instanceof Error ? error.message : String(error)): Outcome {
    const message = `${what}: ${detail}`;
    this.publish(message);
    return { kind: 'failed', message, error };
  }

  private publish(problems: string | null): void {
    this.problems = problems;
    for (const listener of this.listeners) listener(this.state);
  }

  /** The last good report as Markdown. */
  markdown(good: Good): Promise<string> {
    good.markdown ??= good.report.text('md');
    return good.markdown;
  }

  /** The last good report as a PDF, made in memory when first asked for; a failure is not kept. */
  pdf(good: Good): Promise<Pdf> {
    good.pdf ??= (async () => {
      const chunks: Uint8Array[] = [];
      const { warnings } = await good.report.stream('pdf', { write: (chunk) => chunks.push(chunk) > 0 });
      return { bytes: Buffer.concat(chunks), warnings };
    })();
    good.pdf.catch(() => delete good.pdf);
    return good.pdf;
  }

  /** What changed since the previous year, in the last good data; undefined when there is no previous year. */
  changes(good: Good): ChangeSet | undefined {
    if (good.previous === undefined) return undefined;
    return compareYears(good.dataset.years.get(good.previous)!, good.dataset.years.get(this.settings.year)!);
  }
}
