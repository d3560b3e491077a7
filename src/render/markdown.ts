// The Markdown writer: the report model laid out by templates/markdown as CommonMark with GFM
// tables and footnotes, for GitHub and pandoc.
import type { PledgeRef, PledgeView, ReportModel } from '../report/model.js';
import { escapeMarkdown, escapeUrl, richToMarkdown, richToMarkdownCell } from './markdown-text.js';
import type { TemplateSet } from './templates.js';
import type { Footnote, RichText } from './text.js';
import { raw, toView } from './view.js';

const cell = (text: RichText) => raw(richToMarkdownCell(text));
const notes = (footnotes: readonly Footnote[]) => footnotes.map((f) => ({ number: f.number, text: cell(f.text) }));
const pledge = <P extends PledgeView | PledgeRef>(p: P) => ({
  ...p,
  commitmentCell: cell(p.commitment),
  progressCell: 'progress' in p && p.progress ? cell(p.progress) : null,
});
const part = <T extends { footnotes: Footnote[] } | null>(p: T) => (p ? { ...p, footnotes: notes(p.footnotes) } : null);

/** Markdown's own additions to the model: one-line cells for tables, quotes as block quotes. */
function markdownModel(model: ReportModel) {
  return {
    ...model,
    foreword: part(model.foreword),
    introduction: part(model.introduction),
    conclusion: part(model.conclusion),
    feedback: part(model.feedback),
    sinceLastYear: model.sinceLastYear && {
      ...model.sinceLastYear,
      added: model.sinceLastYear.added.map(pledge),
      removed: model.sinceLastYear.removed.map(pledge),
      moves: model.sinceLastYear.moves.map((m) => ({ ...m, pledge: pledge(m.pledge) })),
    },
    sections: model.sections.map((s) => ({
      ...s,
      pledges: s.pledges.map(pledge),
      quotes: s.quotes.map((q) => ({ ...q, quoted: raw(richToMarkdown(q.text).split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n')) })),
      footnotes: notes(s.footnotes),
    })),
    annex: { ...model.annex, groups: model.annex.groups.map((g) => ({ ...g, pledges: g.pledges.map(pledge) })) },
  };
}

/**
 * Blank lines collapsed and trailing spaces dropped: templates can space freely. Not with /$/m:
 * JavaScript ends lines at U+2028 and U+2029 too, CommonMark does not, and the space it took from
 * "1. \u2029" ended a list and let a later ``` swallow the rest of the report.
 */
function tidy(text: string): string {
  return text.replace(/[ \t]+(?=\n|$)/g, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

export function writeMarkdown(model: ReportModel, templates: TemplateSet): string {
  const view = toView(markdownModel(model), { escape: escapeMarkdown, escapeUrl, rich: richToMarkdown });
  return tidy(templates.render(view));
}
