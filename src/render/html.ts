// The HTML writer: one self-contained, accessible page in GOV.UK's style, laid out by
// templates/html with govuk-frontend's CSS inlined. No script, no request.
import { readFileSync } from 'node:fs';
import { STATUS_COLOURS } from './helpers.js';
import { escapeHtml, htmlTextRenderer } from './html-text.js';
import type { ReportModel } from '../report/model.js';
import type { TemplateSet } from './templates.js';
import type { Footnote } from './text.js';
import { raw, toView } from './view.js';

let css: string | undefined;
/** govuk-frontend's CSS plus the report's own, built by `npm run build` into build/. */
function stylesheet(): string {
  css ??= readFileSync(new URL('../../build/covenant.css', import.meta.url), 'utf8');
  return css;
}

/** Horizontal bars, one a status present this year: geometry for the template's inline SVG. */
function chart(model: ReportModel) {
  const rows = model.summary.byStatus.filter((s) => s.count > 0);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const [labelWidth, barSpace, rowHeight] = [130, 420, 34];
  return {
    width: labelWidth + barSpace + 110,
    height: rows.length * rowHeight + 8,
    bars: rows.map((r, i) => {
      const width = Math.max(2, Math.round((r.count / max) * barSpace));
      return {
        label: r.label, count: r.count, percent: r.percent, fill: STATUS_COLOURS[r.status].fill,
        y: i * rowHeight + 4, textY: i * rowHeight + 4 + 19, labelX: labelWidth - 10, barX: labelWidth, width,
        valueX: labelWidth + width + 8,
      };
    }),
  };
}

export function writeHtml(model: ReportModel, templates: TemplateSet): string {
  const text = htmlTextRenderer();
  const notes = (footnotes: readonly Footnote[]) => footnotes.map((f) => ({ number: f.number, text: raw(text.footnote(f)) }));
  const part = <T extends { footnotes: Footnote[] } | null>(p: T) => (p ? { ...p, footnotes: notes(p.footnotes) } : null);
  const html = {
    ...model,
    css: raw(stylesheet()),
    chart: chart(model),
    foreword: part(model.foreword),
    introduction: part(model.introduction),
    conclusion: part(model.conclusion),
    feedback: part(model.feedback),
    sections: model.sections.map((s) => ({ ...s, footnotes: notes(s.footnotes) })),
  };
  return templates.render(toView(html, { escape: escapeHtml, rich: text.rich })).replace(/[ \t]+(?=\n|$)/g, '').replace(/\n{3,}/g, '\n\n');
}
