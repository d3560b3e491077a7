// The linebreak package (UAX #14) ships no types: what the PDF writer uses of it.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity: the text before `position` may end a line; `required` for a forced break. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
