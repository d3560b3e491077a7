// Where the report's texts are written in the data: a field's file, line, column and name, from the
// places each file's one reading kept (data/locate.ts), so that a writer's warning can point there.
import type { Places, Position, Segment } from '../data/source.js';
import type { SourceRef } from '../document/types.js';

/** The source of the value at `segments` in one file; undefined when the file's places were not kept. */
export type Locate = (...segments: Segment[]) => SourceRef | undefined;

/** `pledges[2].commitment`: keys joined by dots, indexes in brackets, as a warning names a field. */
export function fieldName(segments: readonly Segment[]): string {
  let field = '';
  for (const segment of segments) field += typeof segment === 'number' ? `[${segment}]` : `${field ? '.' : ''}${segment}`;
  return field;
}

/**
 * A source found when first read: a report names tens of thousands of fields, and only a writer's
 * warning (rare) asks where one is, so the places are not looked up before then.
 */
class PlaceOf implements SourceRef {
  private found: Position | undefined;

  constructor(readonly file: string, private readonly places: Places, private readonly segments: Segment[]) {}

  private get position(): Position {
    return (this.found ??= this.places.at(this.segments));
  }

  get line(): number {
    return this.position.line;
  }

  get column(): number {
    return this.position.column;
  }

  get field(): string {
    return fieldName(this.segments);
  }
}

export function locator(file: string, places: Places | undefined): Locate {
  if (!places) return () => undefined;
  return (...segments) => new PlaceOf(file, places, segments);
}

/**
 * The sources of the plain texts the report shows (names, titles, labels), by their words: a
 * template writes {{text name}} and the document's text carries where the name is written. The
 * same words written in several places are known by the first.
 */
export class TextSources {
  private readonly map = new Map<string, SourceRef>();

  add(text: string | null | undefined, source: SourceRef | undefined): void {
    if (text && source && !this.map.has(text)) this.map.set(text, source);
  }

  get(text: string): SourceRef | undefined {
    return this.map.get(text);
  }
}

// Beside the model, not in it: templates list and read the model's fields, and this is none of theirs.
const byModel = new WeakMap<object, TextSources>();

/** The model, known from now on to have its plain texts' sources in `texts`. */
export function withTextSources<T extends object>(model: T, texts: TextSources): T {
  byModel.set(model, texts);
  return model;
}

/** The sources of a model's plain texts, when it was built from loaded data. */
export const textSourcesOf = (model: object): TextSources | undefined => byModel.get(model);
