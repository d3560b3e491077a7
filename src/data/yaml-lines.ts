// The hand-editing slips that make a data file unreadable as YAML, found line by line and said in
// plain words: a key without its colon or without a space after it, a list dash without its space,
// text holding ": " or an apostrophe inside '…', a line indented out of step with its neighbours.
//
// The parser reports such a slip in its own terms ("bad indentation of a mapping entry"), often
// on the line before or after. This reads the lines as a person lays them out, so it names the
// line that is wrong, and gives each line as it was meant (`mend`): load.ts reports the slips in
// place of the parser's account, and reads the file on as mended to find its other problems.

export interface Slip {
  line: number;
  column: number;
  message: string;
  hint?: string;
  /** The rule it is reported under, when not yaml-layout. */
  rule?: string;
  /** The whole line as it was meant, for reading on; none when that cannot be known. */
  mend?: string;
}

/** A line as the layout sees it: its indentation, what follows, and that read as it was meant. */
interface Row {
  line: number;
  indent: number;
  body: string;
  /** The body with the slips lineSlip reports mended ("-id:x" as "- id: x"), for reading the structure. */
  shape: string;
}

const KEY = /^([A-Za-z_][\w-]*)/;
/** `key:` or `key: value` (a value may be a block indicator). */
const KEY_VALUE = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/;

/** A dash with no space after it ("-id: x"). */
const DASH_NO_SPACE = /^-[^\s-]/;
/** A key with no space after its colon ("status:met"; not "url:/…"). */
const COLON_NO_SPACE = /^([A-Za-z_][\w-]*):([^\s/].*)$/;

/** "-id:x" read as "- id: x", "status:met" as "status: met", a lone "-" as "- ". */
function shapeOf(body: string): string {
  let shape = body === '-' ? '- ' : DASH_NO_SPACE.test(body) ? `- ${body.slice(1)}` : body;
  const item = shape.startsWith('- ') ? 2 : 0;
  const noSpace = COLON_NO_SPACE.exec(shape.slice(item));
  if (noSpace) shape = `${shape.slice(0, item)}${noSpace[1]}: ${noSpace[2]}`;
  return shape;
}

/** Whether what follows a key or dash is no value: nothing, or only a comment. */
const noValue = (after: string) => after === '' || after.startsWith('#');

/** The value after "key: " or "- ", without an anchor or tag in front; undefined when there is none. */
function valueOf(shape: string): string | undefined {
  const value = /^(?:- )?[A-Za-z_][\w-]*:\s+(.*)$/.exec(shape)?.[1] ?? (shape.startsWith('- ') ? shape.slice(2) : undefined);
  return value?.replace(/^(?:[&!]\S*\s+)+/, '');
}

/** What lines after a row belong to: the text, quoted text or flow collection it opens. */
interface Opened {
  /** The text that lines indented past `indent` belong to (see rows). */
  textAbove?: { indent: number; kind: 'block' | 'plain' | 'after-key'; key: string; content?: number } | null;
  inQuote?: '"' | "'" | null;
  inFlow?: number;
}

/** What a row opens for the lines after it; nothing when it opens nothing. */
function opened({ indent, shape }: Row): Opened {
  const item = shape.startsWith('- ') ? 2 : 0;
  const key = KEY_VALUE.exec(shape.slice(item));
  const value = valueOf(shape);
  // "key:" alone: what follows may be its mapping or list, or its text.
  if (key && (value === undefined || noValue(value))) return { textAbove: { indent: indent + item, kind: 'after-key', key: key[1]! } };
  if (value === undefined || noValue(value)) return {};
  if (value.startsWith('"') || value.startsWith("'")) {
    const quote = value[0] as '"' | "'";
    return closes(value.slice(1), quote) ? {} : { inQuote: quote };
  }
  if (/^[[{]/.test(value)) return { inFlow: Math.max(0, depth(value)) };
  if (/^[*]/.test(value)) return {};
  // A | or > block, or plain text, may go on over the lines indented past the key.
  // The key's own column (past "- " when the key is on its item's line), or the dash's for "- text".
  return { textAbove: { indent: indent + (key ? item : 0), kind: /^[|>]/.test(value) ? 'block' : 'plain', key: key?.[1] ?? '-' } };
}

/**
 * A tab in a line's indentation, and the line read on as the spaces the line above suggests: its
 * own indentation, or two more when it opens what follows ("key:", "- key:", "-").
 */
function tabSlip(line: number, raw: string, lead: string, last: Row | undefined): Slip {
  const opens = last !== undefined && (KEY_VALUE.exec(last.shape.replace(/^- /, ''))?.[2] === undefined || last.shape === '- ');
  const spaces = last === undefined ? 0 : last.indent + (opens ? 2 + (last.shape.startsWith('- ') ? 2 : 0) : 0);
  return {
    line, column: lead.indexOf('\t') + 1, rule: 'yaml-tab-as-indent', message: 'tabs are not allowed for indentation in YAML; indent with spaces',
    hint: opens ? `indent it with ${spaces} spaces, 2 more than the key it belongs to` : `indent it with ${spaces} spaces, as the line above is`,
    mend: ' '.repeat(spaces) + raw.slice(lead.length),
  };
}

/** A line of a | or > block indented less than the block's first: to be indented as far. */
function shortTextSlip(line: number, indent: number, body: string, block: { key: string; content: number }): Slip {
  return {
    line, column: indent + 1,
    message: `this line of text is indented ${indent} space${indent === 1 ? '' : 's'}, less than the text above it (${block.content})`,
    hint: `the text under "${block.key}: |" keeps its indentation: indent this line ${block.content} spaces too`,
    mend: ' '.repeat(block.content) + body,
  };
}

/**
 * The rows of the layout: no blank lines, no comments, nothing inside a | or > block of text, and
 * no continuation line of text that runs on over several lines (plain, or in quotes). A line of
 * prose out of step with the block of text it belongs to is a slip of its own.
 */
function rows(text: string): { rows: Row[]; slips: Slip[] } {
  const out: Row[] = [];
  const slips: Slip[] = [];
  // The text that lines indented past `indent` belong to: a | or > block (its lines as far in as its
  // first), plain text after "key: text", or plain text starting on the line after "key:".
  let textAbove: NonNullable<Opened['textAbove']> | null = null;
  let inQuote: Opened['inQuote'] = null;
  // How many [ and { are open: a flow list or mapping may run over several lines.
  let inFlow = 0;
  text.split(/\r?\n/).forEach((written, i) => {
    let raw = written;
    const lead = /^[ \t]*/.exec(raw)![0];
    const inBlock = textAbove?.kind === 'block' && textAbove.content !== undefined && raw.startsWith(' '.repeat(textAbove.content));
    if (lead.includes('\t') && !inQuote && inFlow === 0 && !inBlock && lead.length < raw.length && !raw.slice(lead.length).startsWith('#')) {
      const slip = tabSlip(i + 1, raw, lead, out[out.length - 1]);
      slips.push(slip);
      raw = slip.mend!;
      textAbove = textAbove?.kind === 'block' ? null : textAbove;
    }
    const indent = /^ */.exec(raw)![0].length;
    const body = raw.slice(indent).trimEnd();
    if (inQuote) {
      if (closes(body, inQuote)) inQuote = null;
      return;
    }
    if (inFlow > 0) {
      inFlow = Math.max(0, inFlow + depth(body));
      return;
    }
    if (body === '') return;
    const shape = shapeOf(body);
    // A key (quoted or not), a list item or a comment: the layout, not text.
    const structural = KEY_VALUE.test(shape) || shape.startsWith('- ') || body.startsWith('#') || /^("[^"]*"|'[^']*')\s*:|^\? /.test(body);
    if (textAbove !== null) {
      const deeper = indent > textAbove.indent;
      if (textAbove.kind === 'block') {
        if (deeper && indent >= (textAbove.content ??= indent)) return;
        // Prose where the block's text should go on: a line indented less than the block's first.
        // Deeper than the key, any line but a key's ("- a pilot" is a line of the text's own
        // list: no list can follow a | block there); at the key's own column, prose but not
        // "status met" (a key that lost its colon).
        const lostColon = indent === textAbove.indent && /^[a-z][a-z_-]* +\S+$/.test(body);
        const short = deeper ? !body.startsWith('#') && !KEY_VALUE.test(shape) : !structural && !lostColon && /\s/.test(body);
        if (short && textAbove.content !== undefined) {
          slips.push(shortTextSlip(i + 1, indent, body, textAbove as { key: string; content: number }));
          return;
        }
      } else if (deeper && (textAbove.kind === 'plain' ? !KEY_VALUE.test(shape) : !structural)) {
        // Plain text cannot hold "key:" on a line of its own: that is a key indented too far.
        return;
      }
      textAbove = null;
    }
    if (body.startsWith('#') || body === '---' || body === '...') return;
    const row = { line: i + 1, indent, body, shape };
    out.push(row);
    const next = opened(row);
    [textAbove, inQuote, inFlow] = [next.textAbove ?? null, next.inQuote ?? null, next.inFlow ?? 0];
  });
  return { rows: out, slips };
}

/** Brackets opened less brackets closed on a line of a flow collection, outside quotes. */
function depth(line: string): number {
  let open = 0;
  for (const c of line.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '')) {
    if (c === '[' || c === '{') open++;
    else if (c === ']' || c === '}') open--;
  }
  return open;
}

/** Whether `text` (inside a quote) holds the quote that closes it. */
function closes(text: string, quote: '"' | "'"): boolean {
  const plain = quote === '"' ? text.replace(/\\./g, '') : text.replace(/''/g, '');
  return plain.includes(quote);
}

/**
 * Text as a double-quoted YAML scalar, to paste in place of what was written: curly quotes around
 * it (from a word processor) dropped, backslashes and straight quotes inside escaped, a comment
 * after it left out of the text, and nothing cut short.
 */
function doubleQuoted(value: string): string {
  const text = value.replace(/\s+#.*$/, '').trim();
  const inner = /^[“”„"](.*)[“”"]$/.exec(text)?.[1] ?? /^[‘’'](.*)[‘’']$/.exec(text)?.[1] ?? text;
  return `"${inner.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Where `text` has ": " outside quotes: a value that YAML reads as a second key. */
function innerColon(value: string): number {
  if (/^["'[{|>&*!%@`]/.test(value)) return -1;
  const hash = value.search(/\s#/);
  const at = value.indexOf(': ');
  return at >= 0 && (hash < 0 || at < hash) ? at : -1;
}

/** A slip within one line, whatever its indentation. */
function lineSlip(row: Row): Slip | undefined {
  const { line, indent, body } = row;
  const col = (offset: number) => indent + offset + 1;
  const pad = ' '.repeat(indent);
  if (DASH_NO_SPACE.test(body)) {
    return { line, column: col(1), message: 'a list item needs a space after its dash', hint: `write "- ${body.slice(1)}"`, mend: pad + shapeOf(body) };
  }
  const item = body.startsWith('- ') ? 2 : 0;
  const rest = body.slice(item);
  const noSpace = COLON_NO_SPACE.exec(rest);
  if (noSpace) {
    return { line, column: col(item + noSpace[1]!.length + 1), message: `"${noSpace[1]}:" needs a space after its colon`, hint: `write "${noSpace[1]}: ${noSpace[2]}"`, mend: pad + shapeOf(body) };
  }
  const noColon = /^([a-z][a-z_-]*) +([^\s:#].*)$/.exec(rest);
  if (noColon && !rest.includes(': ')) {
    return { line, column: col(item + noColon[1]!.length), message: `"${noColon[1]}" has no colon after it`, hint: `write "${noColon[1]}: ${noColon[2]}"`, mend: `${pad}${body.slice(0, item)}${noColon[1]}: ${noColon[2]}` };
  }
  if (!item && KEY.test(rest) && KEY.exec(rest)![1] === rest) {
    return { line, column: col(rest.length), message: `"${rest}" has no colon: a key is followed by one`, hint: `write "${rest}:"`, mend: `${pad}${rest}:` };
  }
  const pair = KEY_VALUE.exec(rest);
  const value = pair?.[2];
  if (pair && value !== undefined) {
    const colon = innerColon(value);
    const valueAt = item + pair[1]!.length + 2;
    if (colon >= 0) {
      const quoted = `${pair[1]}: ${doubleQuoted(value)}`;
      return {
        line, column: col(valueAt + colon),
        message: 'this text holds ": ", which YAML reads as the start of another key',
        hint: `put the text in double quotes: ${quoted}`,
        mend: `${pad}${body.slice(0, item)}${quoted}`,
      };
    }
    const quoted = /^'(.*)'(\s*(?:#.*)?)$/.exec(value);
    if (quoted && /(^|[^'])'([^']|$)/.test(quoted[1]!.replace(/''/g, ''))) {
      return {
        line, column: col(valueAt + 1 + quoted[1]!.replace(/''/g, '\0\0').search(/'/)),
        message: "an apostrophe inside '…' ends the text",
        hint: "write the apostrophe twice ('') or put the text in double quotes",
        mend: `${pad}${body.slice(0, valueAt)}'${quoted[1]!.replace(/''/g, '\0').replace(/'/g, "''").replace(/\0/g, "''")}'${quoted[2]}`,
      };
    }
  }
  return undefined;
}

/**
 * Lines indented out of step: deeper than the line above allows, or at a depth that no mapping or
 * list above uses, or a key at its list's dashes. Keys of one mapping line up, as do a list's
 * dashes; a line after "key:" may go deeper, and a list may also sit at its key's own depth. After
 * a slip the reading goes on as if the line were where it belongs, so one slip is one problem.
 */
/** The file's own mapping, at no indentation: always in force. */
const ROOT = { at: 0, list: false } as const;

function indentSlips(all: readonly Row[]): Slip[] {
  const slips: Slip[] = [];
  const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
  const byLine = new Map(all.map((row) => [row.line, row]));
  /** A line as it was meant, at `indent` spaces. */
  const moved = (line: number, indent: number) => ' '.repeat(indent) + byLine.get(line)!.shape;
  // The indentations in force, innermost last; `list` for the dashes of a list deeper than its key.
  let open: { at: number; list: boolean }[] = [ROOT];
  const levels = () => open.map((o) => o.at);
  let opening = false;
  // The list item above, when its first key was on its dash's line: its keys below line up after the "- ".
  let item: { line: number; indent: number } | null = null;
  // The last line of a list item at each indentation: whether a list goes on at that depth below.
  const lastDash = new Map<number, number>();
  for (const row of all) if (row.shape.startsWith('- ')) lastDash.set(row.indent, row.line);
  let above = 0;
  for (const [k, { line, indent, shape }] of all.entries()) {
    const top = open[open.length - 1]!.at;
    const dash = shape.startsWith('- ');
    // Where the line counts as being for what follows: its own indentation, or where a slip belongs.
    let at = indent;
    if (opening && indent > top) {
      open.push({ at: indent, list: dash });
    } else if (opening && indent === top && dash) {
      // A list at its key's own depth.
    } else if (item && top === item.indent + 2 && !levels().includes(indent) && ((lastDash.get(indent - 2) ?? 0) > line || (!dash && all[k + 1]?.indent === indent))) {
      // The item's keys line up with one another (the list's other dashes with each other, or the
      // next key with this one): it is this dash that is out.
      slips.push({ line: item.line, column: item.indent + 1, message: `this list item's dash is ${spaces(item.indent)} in, but its keys below are ${spaces(indent)} in`, hint: `put the dash at ${spaces(indent - 2)}, two before its keys`, mend: moved(item.line, indent - 2) });
      open = [ROOT, ...open.slice(1, -2).filter((o) => o.at < indent - 2), { at: Math.max(0, indent - 2), list: true }, { at: indent, list: false }];
    } else if (indent > top) {
      slips.push({ line, column: indent + 1, message: `this line is indented ${spaces(indent)}, more than the line above allows`, hint: `line it up with the keys around it, at ${spaces(top)}`, mend: moved(line, top) });
      open.push({ at: indent, list: false });
    } else {
      const before = open;
      open = [ROOT, ...open.slice(1).filter((o) => o.at <= indent)];
      const now = open[open.length - 1]!;
      if (now.at !== indent) {
        // On a tie between two depths, the line above's is the likelier.
        const near = before.map((o) => o.at).sort((a, b) => Math.abs(a - indent) - Math.abs(b - indent) || (a === above ? -1 : b === above ? 1 : b - a))[0]!;
        slips.push({ line, column: indent + 1, message: `this line is indented ${spaces(indent)}, which no key or list above it uses`, hint: `line it up with the keys it belongs with, at ${spaces(near)}`, mend: moved(line, near) });
        // Read on as if it were where it belongs.
        open = [ROOT, ...before.slice(1).filter((o) => o.at <= near)];
        at = near;
      } else if (now.list && !dash && before.length > open.length) {
        // A key where the list's dashes are: it belongs to the item above, two further in.
        slips.push({ line, column: indent + 1, message: `this key is at the list's dashes, ${spaces(indent)} in`, hint: `the keys of a list item line up after its "- ": indent it ${spaces(indent + 2)}`, mend: moved(line, indent + 2) });
        open = before;
      }
    }
    const content = dash ? shape.slice(2) : shape;
    const pair = KEY_VALUE.exec(content);
    item = dash && pair ? { line, indent: at } : null;
    if (item) open.push({ at: at + 2, list: false });
    // A key with nothing after it, a lone dash, or a lone word (a key that lost its colon) opens what follows.
    opening = (pair !== null && (pair[2] === undefined || noValue(pair[2])))
      || (dash && (content.trim() === '' || content.startsWith('#'))) || KEY.exec(content)?.[1] === content;
    above = at;
  }
  return slips;
}

/** The slips in `text`, one a line at most, in line order. */
export function lineSlips(text: string): Slip[] {
  const { rows: all, slips } = rows(text);
  const byLine = new Map<number, Slip>(slips.map((slip) => [slip.line, slip]));
  for (const row of all) {
    if (byLine.has(row.line)) continue;
    const slip = lineSlip(row);
    if (slip) byLine.set(row.line, slip);
  }
  for (const slip of indentSlips(all)) if (!byLine.has(slip.line)) byLine.set(slip.line, slip);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
