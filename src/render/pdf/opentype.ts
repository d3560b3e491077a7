// The parts of a font's OpenType layout tables (GDEF, GSUB, GPOS) that Latin text uses, read
// straight from the file as they are needed. fontkit shapes a word in a few hundred microseconds
// and decodes whole tables to do it; this reads one coverage or class entry at a time and keeps
// what it found, which is what lets the PDF writer shape every word itself.
//
// It follows fontkit's own rules (its default shaper, script choice and lookup order), so it gives
// what fontkit gives for the text it takes on: text without marks, in Latin or in no script, that
// no lookup acts on but the ligatures and pair kerning applied here. Contextual rules are looked
// for, not applied: text one matches, and text with a glyph some other lookup covers, is left to
// fontkit (`Shaper.run` says so by returning null).

/** fontkit's default shaper: every feature it turns on for horizontal text, in its order. */
const FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** fontkit's scripts to fall back on when a font has none for the text's, in its order. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];
/** Lookup flags that make a lookup skip base glyphs or ligatures: such lookups are not followed. */
const SKIPS_BASES_OR_LIGATURES = 0x0002 | 0x0004;
const MARK = 3;

/** A contextual rule's coverages (offsets of Coverage tables): backtrack, input and lookahead. */
type Rule = [number[], number[], number[]];

/** A lookup applied here (ligatures, pair kerning) or looked for (contextual rules in format 3). */
type Step = { kind: 'ligature' | 'pair'; subtables: number[] } | { kind: 'context'; rules: Rule[]; starts: Set<number> | null };

/** Where a run's glyphs go: each one's advance and offset from the pen position, in font units. */
export interface Positions {
  x: number[];
  dx: number[];
  dy: number[];
}

export class OpenType {
  private readonly tables = new Map<string, number>();
  private readonly classDef: number;
  private readonly shapers = new Map<string, Shaper | null>();
  private readonly marks = new Map<number, boolean>();

  constructor(readonly data: Buffer) {
    const count = data.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const record = 12 + i * 16;
      this.tables.set(data.toString('latin1', record, record + 4), data.readUInt32BE(record + 8));
    }
    const gdef = this.tables.get('GDEF');
    const offset = gdef === undefined ? 0 : data.readUInt16BE(gdef + 4);
    this.classDef = offset ? gdef! + offset : 0;
  }

  /** Where a table starts in the file. */
  offset(tag: string): number | undefined {
    return this.tables.get(tag);
  }

  /** A glyph's advance in font units, from hmtx (the last entry serves the glyphs after it). */
  advance(glyph: number): number {
    const hmtx = this.tables.get('hmtx')!;
    const count = this.u16(this.tables.get('hhea')! + 34);
    return count === 0 ? 0 : this.u16(hmtx + Math.min(glyph, count - 1) * 4);
  }

  /** Whether GDEF classes the glyph as a mark (fontkit's test when the font has the class table). */
  isMark(glyph: number): boolean {
    let mark = this.marks.get(glyph);
    if (mark === undefined) {
      mark = this.classDef !== 0 && classOf(this.data, this.classDef, glyph) === MARK;
      this.marks.set(glyph, mark);
    }
    return mark;
  }

  /**
   * The shaper for text in `script` ('latn', or 'zzzz' for text in none), worked out once; null
   * when fontkit would do what is not followed here (the old kern table, positioning without GPOS,
   * a variable font's variations).
   */
  shaper(script: string): Shaper | null {
    let shaper = this.shapers.get(script);
    if (shaper === undefined) {
      const gsub = this.lookups('GSUB', script);
      const gpos = this.lookups('GPOS', script);
      const opaque = !this.tables.has('GPOS') || (!gpos.kerning && this.tables.has('kern')) || this.tables.has('fvar');
      shaper = opaque ? null : new Shaper(this, [...gsub.steps], [...gpos.steps], new Set([...gsub.triggers, ...gpos.triggers]));
      this.shapers.set(script, shaper);
    }
    return shaper;
  }

  u16(at: number): number {
    return this.data.readUInt16BE(at);
  }

  /** `table`'s lookups for `script` as steps and triggers; whether the script has kerning there. */
  private lookups(table: 'GSUB' | 'GPOS', script: string): { steps: Step[]; triggers: Set<number>; kerning: boolean } {
    const steps: Step[] = [];
    const triggers = new Set<number>();
    const base = this.tables.get(table);
    if (base === undefined) return { steps, triggers, kerning: false };
    const features = this.features(base, script);
    const lookupList = base + this.u16(base + 8);
    // As fontkit does: each feature's lookups in the order of FEATURES, then sorted by index.
    const indices: number[] = [];
    for (const tag of FEATURES) {
      const feature = features.get(tag);
      if (feature === undefined) continue;
      for (let i = 0, n = this.u16(feature + 2); i < n; i++) indices.push(this.u16(feature + 4 + i * 2));
    }
    indices.sort((a, b) => a - b);
    const gsub = table === 'GSUB';
    for (const index of indices) {
      const lookup = lookupList + this.u16(lookupList + 2 + index * 2);
      let type = this.u16(lookup);
      const plain = (this.u16(lookup + 2) & SKIPS_BASES_OR_LIGATURES) === 0;
      let subtables = Array.from({ length: this.u16(lookup + 4) }, (_, i) => lookup + this.u16(lookup + 6 + i * 2));
      // Extension lookups hold their real type, and their subtables at 32-bit offsets.
      if (type === (gsub ? 7 : 9)) {
        if (subtables.length === 0) continue;
        type = this.u16(subtables[0]! + 2);
        subtables = subtables.map((sub) => sub + this.data.readUInt32BE(sub + 4));
      }
      const formats = subtables.map((sub) => this.u16(sub));
      if (plain && gsub && type === 4 && formats.every((f) => f === 1)) {
        steps.push({ kind: 'ligature', subtables });
      } else if (plain && !gsub && type === 2 && formats.every((f) => f === 1 || f === 2)) {
        steps.push({ kind: 'pair', subtables });
      } else if (plain && (type === (gsub ? 5 : 7) || type === (gsub ? 6 : 8))) {
        const rules = subtables.filter((_, i) => formats[i] === 3).map((sub) => this.rule(type, sub)).filter((rule) => !this.needsMarks(rule));
        // The glyphs a match can start at (any, for a rule without input: fontkit matches it everywhere).
        const starts = rules.every((rule) => rule[1].length) ? new Set(rules.flatMap((rule) => this.coverageGlyphs(rule[1][0]!))) : null;
        if (rules.length) steps.push({ kind: 'context', rules, starts });
        subtables.forEach((sub, i) => formats[i] !== 3 && this.trigger(sub, triggers));
      } else {
        for (const sub of subtables) this.trigger(sub, triggers);
      }
    }
    return { steps, triggers, kerning: features.has('kern') };
  }

  /** The features of `script`'s default language, tag → Feature table, as fontkit selects them. */
  private features(base: number, script: string): Map<string, number> {
    const scriptList = base + this.u16(base + 4);
    const featureList = base + this.u16(base + 6);
    const scripts = new Map<string, number>();
    for (let i = 0, n = this.u16(scriptList); i < n; i++) {
      const record = scriptList + 2 + i * 6;
      const tag = this.data.toString('latin1', record, record + 4);
      if (!scripts.has(tag)) scripts.set(tag, scriptList + this.u16(record + 4));
    }
    const found = scripts.get(script) ?? DEFAULT_SCRIPTS.map((tag) => scripts.get(tag)).find((s) => s !== undefined);
    const features = new Map<string, number>();
    if (found === undefined || this.u16(found) === 0) return features;
    const langSys = found + this.u16(found);
    for (let i = 0, n = this.u16(langSys + 4); i < n; i++) {
      const record = featureList + 2 + this.u16(langSys + 6 + i * 2) * 6;
      features.set(this.data.toString('latin1', record, record + 4), featureList + this.u16(record + 4));
    }
    return features;
  }

  /**
   * Notes the glyphs a lookup not followed here could act on in text without marks: those of its
   * coverage. (Every subtable concerned starts with its coverage; mark attachment's are the marks.)
   */
  private trigger(sub: number, triggers: Set<number>): void {
    for (const glyph of this.coverageGlyphs(sub + this.u16(sub + 2))) if (!this.isMark(glyph)) triggers.add(glyph);
  }

  /** A format 3 contextual rule's coverages, in fontkit's order. */
  private rule(type: number, sub: number): Rule {
    const list = (at: number, n: number) => Array.from({ length: n }, (_, i) => sub + this.u16(at + i * 2));
    if (type === 5 || type === 7) return [[], list(sub + 6, this.u16(sub + 2)), []];
    const backtrack = this.u16(sub + 2);
    const inputAt = sub + 4 + backtrack * 2;
    const input = this.u16(inputAt);
    const aheadAt = inputAt + 2 + input * 2;
    return [list(sub + 4, backtrack), list(inputAt + 2, input), list(aheadAt + 2, this.u16(aheadAt))];
  }

  /** Whether a rule has a position only marks can fill: text without marks never matches it. */
  private needsMarks(rule: Rule): boolean {
    return this.classDef !== 0 && rule.flat().some((coverage) => this.coverageGlyphs(coverage).every((g) => this.isMark(g)));
  }

  coverageIndex(coverage: number, glyph: number): number {
    return coverageIndex(this.data, coverage, glyph);
  }

  classOf(classDef: number, glyph: number): number {
    return classOf(this.data, classDef, glyph);
  }

  private coverageGlyphs(coverage: number): number[] {
    const glyphs: number[] = [];
    const count = this.u16(coverage + 2);
    if (this.u16(coverage) === 1) {
      for (let i = 0; i < count; i++) glyphs.push(this.u16(coverage + 4 + i * 2));
    } else {
      for (let i = 0; i < count; i++) {
        const range = coverage + 4 + i * 6;
        for (let g = this.u16(range); g <= this.u16(range + 2); g++) glyphs.push(g);
      }
    }
    return glyphs;
  }
}

/** One script's lookups, applied to runs of glyphs with what each glyph or pair needed kept. */
export class Shaper {
  /** Per glyph: whether some ligature could start with it in text without marks. */
  private readonly ligates = new Map<number, boolean>();
  /** Per pair of glyphs: the kerning all pair lookups together give it (null for none). */
  private readonly pairs = new Map<number, Int32Array | null>();

  constructor(
    private readonly font: OpenType,
    private readonly substitutions: Step[],
    private readonly positions: Step[],
    /** Glyphs some lookup not followed here may act on. */
    private readonly triggers: Set<number>,
  ) {}

  /**
   * Substitutes `glyphs` in place (and `codePoints` with them) and returns where they go, with
   * `advance` giving each glyph's own advance; null when the run is fontkit's to shape.
   */
  run(glyphs: number[], codePoints: number[][], advance: (glyph: number) => number): Positions | null {
    if (!this.untouched(glyphs)) return null;
    if (glyphs.some((g) => this.ligates.get(g) ?? this.canLigate(g))) {
      for (const step of this.substitutions) {
        if (step.kind === 'ligature') this.ligate(step.subtables, glyphs, codePoints);
        else if (step.kind === 'context' && this.matches(step, glyphs)) return null;
      }
      if (!this.untouched(glyphs)) return null;
    } else {
      // No ligature can form, so the glyphs stay as they are for every contextual rule.
      for (const step of this.substitutions) if (step.kind === 'context' && this.matches(step, glyphs)) return null;
    }
    for (const step of this.positions) if (step.kind === 'context' && this.matches(step, glyphs)) return null;
    const x = glyphs.map(advance);
    const dx = glyphs.map(() => 0);
    const dy = glyphs.map(() => 0);
    // Pair adjustments add up, so each pair's total is applied at once.
    for (let i = 0; i + 1 < glyphs.length; i++) {
      const key = glyphs[i]! * 0x10000 + glyphs[i + 1]!;
      let kern = this.pairs.get(key);
      if (kern === undefined) {
        kern = this.kern(glyphs[i]!, glyphs[i + 1]!);
        this.pairs.set(key, kern);
      }
      if (kern) {
        x[i]! += kern[0]!;
        dx[i]! += kern[1]!;
        dy[i]! += kern[2]!;
        x[i + 1]! += kern[3]!;
        dx[i + 1]! += kern[4]!;
        dy[i + 1]! += kern[5]!;
      }
    }
    return { x, dx, dy };
  }

  private untouched(glyphs: readonly number[]): boolean {
    for (const g of glyphs) if (this.triggers.has(g) || this.font.isMark(g)) return false;
    return true;
  }

  /** The ligatures a ligature subtable has that start with `glyph`: the offset of their set, or -1. */
  private ligatureSet(sub: number, glyph: number): number {
    const font = this.font;
    const index = font.coverageIndex(sub + font.u16(sub + 2), glyph);
    return index < 0 ? -1 : sub + font.u16(sub + 6 + index * 2);
  }

  /** Ligature `l` of a set: its offset (its glyph, its length, then its glyphs after the first). */
  private ligatureAt(set: number, l: number): number {
    return set + this.font.u16(set + 2 + l * 2);
  }

  private canLigate(glyph: number): boolean {
    const font = this.font;
    let can = false;
    for (const step of this.substitutions) {
      if (step.kind !== 'ligature') continue;
      for (const sub of step.subtables) {
        const set = this.ligatureSet(sub, glyph);
        if (set < 0) continue;
        for (let l = 0, n = font.u16(set); l < n; l++) {
          const ligature = this.ligatureAt(set, l);
          let marks = false;
          for (let k = 1, m = font.u16(ligature + 2); k < m; k++) marks ||= font.isMark(font.u16(ligature + 4 + (k - 1) * 2));
          can ||= !marks;
        }
      }
    }
    this.ligates.set(glyph, can);
    return can;
  }

  /**
   * A ligature lookup, as fontkit applies it: at each glyph in turn, the first subtable with a
   * ligature of it and the glyphs after it forms that ligature.
   */
  private ligate(subtables: readonly number[], glyphs: number[], codePoints: number[][]): void {
    const font = this.font;
    for (let i = 0; i < glyphs.length; i++) {
      for (const sub of subtables) {
        const set = this.ligatureSet(sub, glyphs[i]!);
        if (set < 0) continue;
        let formed = false;
        for (let l = 0, n = font.u16(set); l < n && !formed; l++) {
          const ligature = this.ligatureAt(set, l);
          const components = font.u16(ligature + 2);
          if (i + components > glyphs.length) continue;
          let k = 1;
          while (k < components && glyphs[i + k] === font.u16(ligature + 4 + (k - 1) * 2)) k++;
          if (k < components) continue;
          glyphs.splice(i, components, font.u16(ligature));
          codePoints.splice(i, components, codePoints.slice(i, i + components).flat());
          formed = true;
        }
        // A subtable that forms no ligature here leaves the glyph to the next one.
        if (formed) break;
      }
    }
  }

  /** Whether any of a step's rules matches somewhere in `glyphs`, compared as fontkit compares. */
  private matches(step: Extract<Step, { kind: 'context' }>, glyphs: readonly number[]): boolean {
    const font = this.font;
    const fits = (coverages: readonly number[], at: number) =>
      at >= 0 && at + coverages.length <= glyphs.length && coverages.every((c, k) => font.coverageIndex(c, glyphs[at + k]!) >= 0);
    for (let i = 0; i < glyphs.length; i++) {
      if (step.starts && !step.starts.has(glyphs[i]!)) continue;
      // fontkit compares the backtrack coverages in their order, from that many glyphs back.
      for (const [backtrack, input, lookahead] of step.rules) {
        if (fits(input, i) && (backtrack.length === 0 || fits(backtrack, i - backtrack.length)) && fits(lookahead, i + input.length)) return true;
      }
    }
    return false;
  }

  /**
   * What the pair lookups do to `first` followed by `second`: each lookup's first subtable that
   * covers them (fontkit moves on from a format 1 subtable without the pair). Advance and offsets
   * of the first glyph, then of the second; null when nothing changes.
   */
  private kern(first: number, second: number): Int32Array | null {
    const font = this.font;
    const total = new Int32Array(6);
    let any = false;
    for (const step of this.positions) {
      if (step.kind !== 'pair') continue;
      for (const sub of step.subtables) {
        const index = font.coverageIndex(sub + font.u16(sub + 2), first);
        if (index < 0) continue;
        const format1 = font.u16(sub + 4);
        const format2 = font.u16(sub + 6);
        const size1 = valueSize(format1);
        const size2 = valueSize(format2);
        let record = -1;
        if (font.u16(sub) === 1) {
          const set = sub + font.u16(sub + 10 + index * 2);
          const size = 2 + size1 + size2;
          for (let p = 0, n = font.u16(set); p < n && record < 0; p++) {
            if (font.u16(set + 2 + p * size) === second) record = set + 4 + p * size;
          }
          if (record < 0) continue;
        } else {
          const class1 = font.classOf(sub + font.u16(sub + 8), first);
          const class2 = font.classOf(sub + font.u16(sub + 10), second);
          const class2Count = font.u16(sub + 14);
          if (class1 < font.u16(sub + 12) && class2 < class2Count) record = sub + 16 + (class1 * class2Count + class2) * (size1 + size2);
        }
        if (record >= 0) {
          any = value(font.data, record, format1, total, 0) || any;
          any = value(font.data, record + size1, format2, total, 3) || any;
        }
        break;
      }
    }
    return any ? total : null;
  }
}

/** Adds a value record's advance and placement to `total` from `at`; its device tables matter only to variable fonts. */
function value(data: Buffer, record: number, format: number, total: Int32Array, at: number): boolean {
  let offset = record;
  let changed = false;
  const read = () => {
    const v = data.readInt16BE(offset);
    offset += 2;
    changed ||= v !== 0;
    return v;
  };
  if (format & 0x1) total[at + 1]! += read();
  if (format & 0x2) total[at + 2]! += read();
  if (format & 0x4) total[at]! += read();
  return changed;
}

function valueSize(format: number): number {
  let size = 0;
  for (let bits = format & 0xff; bits; bits >>= 1) size += (bits & 1) * 2;
  return size;
}

/** `glyph`'s index in a Coverage table, or -1. */
function coverageIndex(data: Buffer, coverage: number, glyph: number): number {
  const count = data.readUInt16BE(coverage + 2);
  let lo = 0;
  let hi = count - 1;
  if (data.readUInt16BE(coverage) === 1) {
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = data.readUInt16BE(coverage + 4 + mid * 2);
      if (g === glyph) return mid;
      if (g < glyph) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = coverage + 4 + mid * 6;
    if (glyph < data.readUInt16BE(range)) hi = mid - 1;
    else if (glyph > data.readUInt16BE(range + 2)) lo = mid + 1;
    else return data.readUInt16BE(range + 4) + glyph - data.readUInt16BE(range);
  }
  return -1;
}

/** `glyph`'s class in a ClassDef table; 0 when it is not listed. */
function classOf(data: Buffer, classDef: number, glyph: number): number {
  if (data.readUInt16BE(classDef) === 1) {
    const i = glyph - data.readUInt16BE(classDef + 2);
    return i >= 0 && i < data.readUInt16BE(classDef + 4) ? data.readUInt16BE(classDef + 6 + i * 2) : 0;
  }
  let lo = 0;
  let hi = data.readUInt16BE(classDef + 2) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = classDef + 4 + mid * 6;
    if (glyph < data.readUInt16BE(range)) hi = mid - 1;
    else if (glyph > data.readUInt16BE(range + 2)) lo = mid + 1;
    else return data.readUInt16BE(range + 4);
  }
  return 0;
}
