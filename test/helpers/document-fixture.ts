// A document made by hand with every kind of block and inline, laid out as a report is: for the
// writers' unit tests, independent of the data and the templates that normally make one.
import { deflateSync, crc32 } from 'node:zlib';
import type { Block, Document, Inline, SourceRef, StatusKey, TableRow } from '../../src/document/types.js';

const t = (text: string, source?: SourceRef): Inline => (source ? { type: 'text', text, source } : { type: 'text', text });
const p = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const at = (line: number, column: number): SourceRef => ({ file: 'data/2024/departments/dwp.yaml', line, column });
const cell = (text: string, header?: 'col' | 'row', align?: 'right'): TableRow['cells'][number] => ({
  blocks: [p(t(text))], ...(header ? { header } : {}), ...(align ? { align } : {}),
});

const STATUS_WORDS: Record<StatusKey, string> = {
  pledged: 'Pledged', 'on-track': 'On track', ongoing: 'Ongoing', delayed: 'Delayed', met: 'Met', 'not-met': 'Not met', withdrawn: 'Withdrawn',
};

/** "Status: Met", the first two words for screen readers only. */
const badge = (status: StatusKey, ...after: Inline[]): Block => p(
  { type: 'span', role: 'hidden', children: [t('Status: ')] },
  { type: 'status', status, children: [t(STATUS_WORDS[status])] },
  ...after,
);

/** A 48 by 48 PNG: a white crest-like disc on GOV.UK blue, made here so the fixture needs no file. */
export function crestPng(): Uint8Array {
  const size = 48;
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const inside = (x - 23.5) ** 2 + (y - 23.5) ** 2 < 20 ** 2;
      rows.push(...(inside ? [255, 255, 255] : [29, 112, 184]));
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0)),
  ]));
}

const DEPARTMENTS = ['Department for Education', 'Department for Work and Pensions', 'Ministry of Justice', 'Department of Health and Social Care'];
const ANNEX_STATUSES: StatusKey[] = ['met', 'on-track', 'ongoing', 'delayed', 'not-met', 'pledged', 'withdrawn'];

function annexRows(): TableRow[] {
  return Array.from({ length: 36 }, (_, i): TableRow => ({
    cells: [
      { header: 'row', blocks: [p(t(['DfE', 'DWP', 'MoJ', 'DHSC'][i % 4]!))] },
      { blocks: [p(t(`Commitment ${i + 1}: the department will work with local authorities so that care leavers in ${DEPARTMENTS[i % 4]!.split(' ').pop()} areas are supported${i % 3 === 0 ? ' into education, employment or training, with a named contact for each young person' : ''}.`))] },
      { blocks: [badge(ANNEX_STATUSES[i % 7]!), p(t(`Progress ${i + 1}: ${i % 2 ? 'guidance was published and shared with every local authority.' : 'a pilot ran in four areas and is being evaluated.'}`))] },
    ],
  }));
}

function theme(id: string, title: string, withBreak: boolean): Block {
  return {
    type: 'section', role: 'theme', id, ...(withBreak ? { break: 'page' as const } : {}), children: [
      { type: 'heading', level: 2, id, outline: true, children: [t(title)] },
      p(t('Care leavers told us that '), { type: 'em', children: [t('stable support')] }, t(' matters most; 2,761 were identified in 2014 and 3,162 in 2015.'), { type: 'footnote', number: 1 }),
      { type: 'quote', children: [p(t('Having someone who knew my name made all the difference.'))], attribution: [t('A care leaver, Leeds')] },
      { type: 'note', role: 'callout', children: [
        { type: 'heading', level: 3, children: [t('Case study: Catch22')] },
        p(t('Catch22 ran a pilot in three cities, pairing each young person with a mentor for a year.')),
        { type: 'list', ordered: true, start: 1, items: [[p(t('Referral within a week.'))], [p(t('A first meeting within a month.'))]] },
      ] },
      { type: 'heading', level: 3, children: [t('Commitments and progress')] },
      { type: 'heading', level: 4, children: [t('Department for Work and Pensions')] },
      badge('met', t(' '), { type: 'span', role: 'change', children: [t('up from On track')] }),
      p(t('DWP will introduce a marker to identify care leavers on its systems \u{1fae8}.', at(8, 17))),
      { type: 'heading', level: 5, children: [t('Progress')] },
      p(t('The marker went live in October 2013. See the '), { type: 'link', href: 'https://www.gov.uk/government/publications/care-leaver-strategy', children: [t('strategy')] }, t(', and '), { type: 'link', href: '#annex', children: [t('the annex')] }, t('.')),
      { type: 'list', ordered: false, start: 1, items: [[p(t('Care leavers identified: '), { type: 'strong', children: [t('3,162')] })], [p(t('Local authorities reached: '), { type: 'strong', children: [t('152')] })]] },
      { type: 'heading', level: 4, children: [t('Ministry of Justice')] },
      badge('delayed', t(' '), { type: 'span', role: 'regression', children: [t('down from Met')] }),
      p(t('MoJ will publish guidance on '), { type: 'code', text: 'care-leaver-marker' }, t(' use.'), { type: 'break' }, t('A second line after a break.')),
      { type: 'code', text: 'status: met\n  progress: |\n    Published in June.' },
      { type: 'rule' },
      { type: 'list', ordered: false, start: 1, style: 'plain', items: [[p({ type: 'link', href: 'https://www.gov.uk/', children: [t('Further reading on GOV.UK')] })]] },
      { type: 'footnotes', heading: null, items: [{ number: 1, blocks: [p(t('Department for Work and Pensions, administrative data, 2015.'))] }] },
    ],
  };
}

/** Every block and inline kind once at least, in the shape of a progress report. */
export function fixtureDocument(options: { draft?: boolean } = {}): Document {
  const statuses: [StatusKey, number][] = [['met', 12], ['on-track', 9], ['ongoing', 6], ['delayed', 3], ['not-met', 1]];
  return {
    meta: {
      lang: 'en-GB', title: 'Care Leaver Covenant: Progress in 2024', subtitle: 'One year on', author: 'HM Government', date: '2024-10-01',
      runningTitle: 'Care Leaver Covenant: Progress in 2024', draft: options.draft ?? false, keywords: ['Care Leaver Covenant', '2024'],
      masthead: 'HM Government', colour: null,
    },
    labels: {
      skipLink: 'Skip to main content', pageOfPages: '{page} of {pages}', draftMark: 'Draft', footnoteBack: 'Back to footnote {number} reference',
      footnoteRef: 'Footnote {number}', contents: 'Contents', footnotes: 'Footnotes', chart: 'Chart',
    },
    blocks: [
      { type: 'section', role: 'cover', break: 'page', children: [
        { type: 'paragraph', style: 'caption', children: [t('Care Leaver Covenant')] },
        { type: 'heading', level: 1, children: [t('Progress in 2024')] },
        { type: 'paragraph', style: 'lead', children: [t('One year on')] },
        { type: 'image', alt: 'The Royal Coat of Arms', mediaType: 'image/png', data: crestPng(), width: 64 },
        { type: 'definitions', items: [{ term: [t('From')], value: [t('HM Government')] }, { term: [t('Published')], value: [t('1 October 2024')] }] },
        { type: 'note', role: 'draft', children: [p(t('Draft: not for publication'))] },
        { type: 'note', role: 'banner', children: [p(t('This report replaces the one published in 2023.'))] },
      ] },
      { type: 'section', role: 'contents', break: 'page', children: [{ type: 'contents', heading: [t('Contents')], entries: [
        { id: 'summary', level: 2, children: [t('Summary of progress')] },
        { id: 'education', level: 2, children: [t('Education')] },
        { id: 'employment', level: 2, children: [t('Employment')] },
        { id: 'annex', level: 2, children: [t('Annex A: commitments and progress')] },
      ] }] },
      { type: 'section', role: 'summary', id: 'summary', break: 'page', children: [
        { type: 'heading', level: 2, id: 'summary', outline: true, children: [t('Summary of progress')] },
        p(t('Of 31 pledges, 12 are met.')),
        { type: 'figure', alt: 'Pledges by status: 12 met, 9 on track, 6 ongoing, 3 delayed, 1 not met.', caption: [t('Pledges by status')], chart: { kind: 'bar', bars: statuses.map(([status, value]) => ({ label: STATUS_WORDS[status], value, valueText: `${value} (${Math.round((value / 31) * 100)}%)`, status })) } },
        { type: 'table', caption: [t('Pledges by status')], columns: [{ weight: null }, { weight: null, align: 'right' }], head: [{ cells: [cell('Status', 'col'), cell('Pledges', 'col', 'right')] }],
          body: statuses.map(([status, value]) => ({ cells: [cell(STATUS_WORDS[status], 'row'), cell(String(value), undefined, 'right')] })) },
        { type: 'definitions', items: statuses.map(([status]) => ({ term: [t(STATUS_WORDS[status])], value: [t(`What ${STATUS_WORDS[status].toLowerCase()} means for a pledge.`)] })) },
      ] },
      theme('education', 'Education', true),
      theme('employment', 'Employment', false),
      { type: 'section', role: 'annex', id: 'annex', break: 'page', children: [
        { type: 'heading', level: 2, id: 'annex', outline: true, children: [t('Annex A: commitments and progress')] },
        { type: 'table', caption: [t('Every commitment, by department, with its status and progress')], stack: true,
          columns: [{ weight: 1.35 }, { weight: 3.2 }, { weight: 3.45 }],
          head: [{ cells: [cell('Department', 'col'), cell('Commitment', 'col'), cell('Progress', 'col')] }], body: annexRows() },
      ] },
      { type: 'section', role: 'colophon', break: 'page', children: [
        { type: 'paragraph', style: 'signature', children: [{ type: 'strong', children: [t('A. Minister')] }, { type: 'break' }, t('Minister for Children')] },
        { type: 'note', role: 'callout', children: [
          p(t('Where the money went:')),
          { type: 'table', caption: [], columns: [{ weight: 2 }, { weight: 1, align: 'right' }], head: [{ cells: [cell('Fund', 'col'), cell('£', 'col', 'right')] }],
            body: [{ cells: [cell('Staying Put', 'row'), cell('23,200,000', undefined, 'right')] }, { cells: [cell('Bursaries', 'row'), cell('6,324,000', undefined, 'right')] }] },
        ] },
        { type: 'image', alt: 'A map of the pilot areas', mediaType: 'image/svg+xml', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), width: null },
        { type: 'paragraph', style: 'small', children: [t('© Crown copyright 2024')] },
        { type: 'paragraph', style: 'small', children: [t('This publication is licensed under the terms of the '), { type: 'link', href: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', children: [t('Open Government Licence v3.0')] }, t('.')] },
      ] },
    ],
  };
}
