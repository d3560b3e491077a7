// The hand-editing slips that make a data file unreadable as YAML, found line by line and said in
// plain words: a key without its colon or without a space after it, a list dash without its space,
// text holding ": " or an apostrophe inside '…', a line indented out of step with its neighbours.
//
// The yaml parser reports such a slip in its own terms ("Implicit keys need to be on a single
// line"), often on the line before, and then once for every line it can no longer read. This reads
// the lines as a person lays them out, so it names the line that is wrong; load.ts reports what it
// finds in place of the parser's account of the same slip.

export interface Slip {
  line: number;
  column: number;
  message: string;
  hint?: string;
}

/** A line as the layout sees it: its indentation, and what follows. */
interface Row {
  line: number;
  indent: number;
  body: string;
}

const KEY = /^([A-Za-z_][\w-]*)/;
/** `key:` or `key: value` (a value may be a block indicator). */
const KEY_VALUE = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/;

/**
 * The rows of the layout: no blank lines, no comments, nothing inside a | or > block of text, and
 * no continuation line of text that runs on over several lines (plain, or in quotes).
 */
function rows(text: string): Row[] {
  const out: Row[] = [];
  // The indentation past which lines belong to the text above; or the quote the text is still in.
  let textAbove: { indent: number; block: boolean; content?: number } | null = null;
  let inQuote: '"' | "'" | null = null;
  // How many [ and { are open: a flow list or mapping may run over several lines.
  let inFlow = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
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
    if (textAbove !== null) {
      // A block's first line sets how far in its lines are; plain text cannot hold "key:" on a
      // line of its own (that is a key indented too far).
      if (textAbove.block && indent > textAbove.indent && indent >= (textAbove.content ??= indent)) return;
      if (!textAbove.block && indent > textAbove.indent && !KEY_VALUE.test(body)) return;
      textAbove = null;
    }
    if (body.startsWith('#') || body === '---' || body === '...') return;
    out.push({ line: i + 1, indent, body });
    const value = /^(?:- )?[A-Za-z_][\w-]*:\s+(.*)$/.exec(body)?.[1] ?? (body.startsWith('- ') ? body.slice(2) : undefined);
    if (value === undefined || value.startsWith('#')) return;
    if (value.startsWith('"') || value.startsWith("'")) {
      const quote = value[0] as '"' | "'";
      if (!closes(value.slice(1), quote)) inQuote = quote;
    } else if (/^[[{]/.test(value)) {
      inFlow = Math.max(0, depth(value));
    } else if (!/^[[{&*!]/.test(value)) {
      // A | or > block, or plain text, may go on over the lines indented past this one.
      textAbove = { indent, block: /^[|>]/.test(value) };
    }
  });
  return out;
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
  if (/^-[^\s-]/.test(body)) {
    return { line, column: col(1), message: 'a list item needs a space after its dash', hint: `write "- ${body.slice(1)}"` };
  }
  const item = body.startsWith('- ') ? 2 : 0;
  const rest = body.slice(item);
  const noSpace = /^([A-Za-z_][\w-]*):([^\s/].*)$/.exec(rest);
  if (noSpace) {
    return { line, column: col(item + noSpace[1]!.length + 1), message: `"${noSpace[1]}:" needs a space after its colon`, hint: `write "${noSpace[1]}: ${noSpace[2]}"` };
  }
  if (!item && KEY.test(rest) && KEY.exec(rest)![1] === rest) {
    return { line, column: col(rest.length), message: `"${rest}" has no colon: a key is followed by one`, hint: `write "${rest}:"` };
  }
  const pair = KEY_VALUE.exec(rest);
  const value = pair?.[2];
  if (pair && value !== undefined) {
    const colon = innerColon(value);
    const valueAt = item + pair[1]!.length + 2;
    if (colon >= 0) {
      return {
        line, column: col(valueAt + colon + 1),
        message: 'this text holds ": ", which YAML reads as the start of another key',
        hint: `put the text in double quotes, or write it on the lines below "${pair[1]}: |"`,
      };
    }
    const quoted = /^'(.*)'\s*(?:#.*)?$/.exec(value);
    if (quoted && /(^|[^'])'([^']|$)/.test(quoted[1]!.replace(/''/g, ''))) {
      return {
        line, column: col(valueAt + 1 + quoted[1]!.replace(/''/g, '\0\0').search(/'/)),
        message: "an apostrophe inside '…' ends the text",
        hint: "write the apostrophe twice ('') or put the text in double quotes",
      };
    }
  }
  return undefined;
}

/**
 * Lines indented out of step: deeper than the line above allows, or at a depth that no mapping or
 * list above uses. Keys of one mapping line up, as do a list's dashes; a line after "key:" may go
 * deeper, and a list may also sit at its key's own depth. After a slip the reading goes on as if
 * the line were where it belongs, so one slip is one problem.
 */
function indentSlips(all: readonly Row[]): Slip[] {
  const slips: Slip[] = [];
  const spaces = (n: number) => `${n} space${n === 1 ? '' : 's'}`;
  // The indentations in force, innermost last.
  let open: number[] = [0];
  let opening = false;
  // The list item above, when its first key was on its dash's line: its keys below line up after the "- ".
  let item: { line: number; indent: number } | null = null;
  // The last line of a list item at each indentation: whether a list goes on at that depth below.
  const lastDash = new Map<number, number>();
  for (const row of all) if (row.body.startsWith('-')) lastDash.set(row.indent, row.line);
  for (const row of all) {
    const { line, indent } = row;
    // Read "-id: x" as the list item it was meant to be (lineSlip reports the missing space).
    const body = /^-[^\s-]/.test(row.body) ? `- ${row.body.slice(1)}` : row.body;
    const top = open[open.length - 1]!;
    if (opening && indent > top) {
      open.push(indent);
    } else if (opening && indent === top && body.startsWith('- ')) {
      // A list at its key's own depth.
    } else if (item && top === item.indent + 2 && !open.includes(indent) && (lastDash.get(indent - 2) ?? 0) > line) {
      // The item's keys line up with one another, and the list's other dashes with each other: it is this dash that is out.
      slips.push({ line: item.line, column: item.indent + 1, message: `this list item's dash is ${spaces(item.indent)} in, but its keys below are ${spaces(indent)} in`, hint: `put the dash at ${spaces(indent - 2)}, two before its keys` });
      open = [...open.slice(0, -2).filter((level) => level < indent - 2), indent - 2, indent];
    } else if (indent > top) {
      slips.push({ line, column: indent + 1, message: `this line is indented ${spaces(indent)}, more than the line above allows`, hint: `line it up with the keys around it, at ${spaces(top)}` });
      open.push(indent);
    } else {
      const before = open;
      open = open.filter((level) => level <= indent);
      if (open[open.length - 1] !== indent) {
        const near = [...before].sort((a, b) => Math.abs(a - indent) - Math.abs(b - indent) || b - a)[0]!;
        slips.push({ line, column: indent + 1, message: `this line is indented ${spaces(indent)}, which no key or list above it uses`, hint: `line it up with the keys it belongs with, at ${spaces(near)}` });
        open = before;
      }
    }
    const content = body.startsWith('- ') ? body.slice(2) : body;
    const pair = KEY_VALUE.exec(content);
    item = body.startsWith('- ') && pair ? { line, indent } : null;
    if (item) open.push(indent + 2);
    // A key with nothing after it (or a lone word, a key that lost its colon) opens what follows.
    opening = (pair !== null && (pair[2] === undefined || pair[2] === '' || pair[2].startsWith('#'))) || KEY.exec(content)?.[1] === content;
  }
  return slips;
}

/** The slips in `text`, one a line at most, in line order. */
export function lineSlips(text: string): Slip[] {
  const all = rows(text);
  const byLine = new Map<number, Slip>();
  for (const row of all) {
    const slip = lineSlip(row);
    if (slip) byLine.set(row.line, slip);
  }
  for (const slip of indentSlips(all)) if (!byLine.has(slip.line)) byLine.set(slip.line, slip);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
