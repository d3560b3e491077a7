// The report's plain parts: the cover, the contents, the foreword with its signature, the parts
// that are one Markdown field (introduction, conclusion, feedback) and the licence page.
import { longDate } from '../helpers.js';
import type { Footnote, Inline, RichText } from '../text.js';
import { BODY, endOf, inlineItems, spacer, textItems, textStyle, type Column } from './blocks.js';
import { contentsItems } from './contents.js';
import { COLUMN, endPart, startPart, type Context } from './context.js';
import { CONTENTS_ID } from './navigation.js';
import { COLOUR, PAGE, SPACE, TYPE, type TypeSize } from './style.js';
import { structNode } from './tags.js';

/** The cover: a GOV.UK blue masthead with the title, then who published it, when, and its reference. */
export function cover(ctx: Context): void {
  const { flow, fonts, model } = ctx;
  const meta = model.meta;
  flow.newPage();
  // The masthead runs to the page's edges, so the cover starts at its very top.
  flow.y = 0;
  const band: Column = { ...COLUMN, decor: [{ x: 0, width: PAGE.width, colour: COLOUR.brand }] };
  const white = (size: TypeSize, bold = false) => textStyle(size, { colour: COLOUR.white, bold });
  const div = structNode('Div', ctx.root);
  // The publisher heads the masthead, as on GOV.UK; without one, the programme's name below is enough.
  const publisher = meta.publisher ? textItems(fonts, meta.publisher, white(TYPE.h4, true), structNode('P', div), band, 0) : [spacer(TYPE.h4.leading, 0, band)];
  const programme = textItems(fonts, meta.programme, white(TYPE.lead), structNode('P', div), band, 0);
  // A long title is set smaller, so that the cover's details stay on the cover.
  const h1 = structNode('H1', div);
  const titleIn = (size: TypeSize) => textItems(fonts, meta.title, white(size, true), h1, band, 6);
  let title = titleIn(TYPE.title);
  if (title.length > 4) title = titleIn(TYPE.h2);
  flow.placeAll([
    spacer(PAGE.top, 0, band),
    ...publisher,
    spacer(150, 0, band),
    ...programme,
    ...title,
    ...(meta.subtitle ? textItems(fonts, meta.subtitle, white(TYPE.lead), structNode('P', div), band, 10) : []),
    spacer(44, 0, band),
  ]);
  const line = (label: string, value: string, before: number) => {
    const content: Inline[] = [{ type: 'strong', children: [{ type: 'text', text: `${label}: ` }] }, { type: 'text', text: value }];
    return inlineItems(fonts, content, textStyle(TYPE.h4), structNode('P', div), COLUMN, before);
  };
  if (meta.publisher) flow.placeAll(line('From', meta.publisher, 30));
  if (meta.date) flow.placeAll(line('Published', longDate(meta.date), 6));
  if (meta.reference) flow.placeAll(line('Reference', meta.reference, 6));
  flow.place(endOf(div));
}

export function contents(ctx: Context): void {
  const { flow, fonts, model } = ctx;
  flow.newPage();
  const sect = structNode('Sect', ctx.root);
  ctx.nav.anchor(flow, CONTENTS_ID, 'Contents', 1);
  flow.placeAll(textItems(fonts, 'Contents', textStyle(TYPE.h2, { bold: true }), structNode('H2', sect), COLUMN, 0, true));
  flow.place(spacer(SPACE.headingBelow + 6, 0, COLUMN));
  flow.placeAll(contentsItems(fonts, model.contents, ctx.pages, sect, COLUMN));
  endPart(ctx, sect);
}

/** A part that is one Markdown field, with its footnotes at its end. */
export function simplePart(ctx: Context, part: { id: string; title: string; body: RichText; footnotes: Footnote[] }, continues = false): void {
  const sect = startPart(ctx, part.id, part.title, continues);
  ctx.flow.placeAll(ctx.layout.rich(part.body, sect, COLUMN, 0));
  ctx.flow.placeAll(ctx.layout.footnotes(part.footnotes, sect, COLUMN));
  endPart(ctx, sect);
}

export function foreword(ctx: Context): void {
  const part = ctx.model.foreword;
  if (!part) return;
  const { flow, fonts } = ctx;
  const sect = startPart(ctx, part.id, part.title);
  flow.placeAll(ctx.layout.rich(part.body, sect, COLUMN, 0));
  if (part.signedBy) {
    const signature: Inline[] = [
      { type: 'strong', children: [{ type: 'text', text: part.signedBy.name }] },
      ...(part.signedBy.role ? [{ type: 'break' } as const, { type: 'text', text: part.signedBy.role } as const] : []),
    ];
    flow.placeAll(inlineItems(fonts, signature, BODY, structNode('P', sect), COLUMN, 28));
  }
  flow.placeAll(ctx.layout.footnotes(part.footnotes, sect, COLUMN));
  endPart(ctx, sect);
}

/** The licence page: copyright, the licence with a link to it, the reference and the contact. */
export function licence(ctx: Context): void {
  const { flow, fonts, model } = ctx;
  const meta = model.meta;
  if (!meta.colophon) return;
  flow.flush();
  flow.newPage();
  const sect = structNode('Sect', ctx.root);
  const small = textStyle(TYPE.body);
  if (meta.copyright) flow.placeAll(textItems(fonts, meta.copyright, small, structNode('P', sect), COLUMN, 0));
  const { licence } = meta;
  if (licence?.url) {
    const sentence: Inline[] = [
      { type: 'text', text: 'This publication is licensed under the terms of the ' },
      { type: 'link', href: licence.url, children: [{ type: 'text', text: licence.name }] },
      { type: 'text', text: ', except where otherwise stated.' },
    ];
    flow.placeAll(inlineItems(fonts, sentence, small, structNode('P', sect), COLUMN, meta.copyright ? SPACE.paragraph : 0));
  } else if (licence) {
    flow.placeAll(textItems(fonts, `Licence: ${licence.name}`, small, structNode('P', sect), COLUMN, meta.copyright ? SPACE.paragraph : 0));
  }
  if (meta.reference) flow.placeAll(textItems(fonts, `Reference: ${meta.reference}`, small, structNode('P', sect), COLUMN, SPACE.paragraph));
  if (meta.contact) flow.placeAll(ctx.layout.rich(meta.contact, sect, COLUMN, SPACE.paragraph, small));
  endPart(ctx, sect);
}
