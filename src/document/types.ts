// The document tree: what the published report says, as blocks and inlines, with every word the
// tool adds already resolved from the catalogue. Every writer (Markdown, HTML, PDF, …) maps these
// node kinds to its format and decides no wording and no content. This module imports nothing.

/** Where a node's text came from in the data, for warnings a writer raises about it (a glyph no font has). */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
  /** The field the text is the value of ("pledges[0].commitment"), named in a warning about it. */
  field?: string;
}

/** A report status, as the data spells it: the key of its badge colour in every format. */
export type StatusKey = 'pledged' | 'on-track' | 'ongoing' | 'delayed' | 'met' | 'not-met' | 'withdrawn';

export type Inline =
  | { type: 'text'; text: string; source?: SourceRef }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'code'; text: string; source?: SourceRef }
  | { type: 'break' }
  /** A reference to the footnote of this number, defined in a `footnotes` block. */
  | { type: 'footnote'; number: number }
  /** A status badge: its words are in `children` ("Met"), its colour follows `status`. */
  | { type: 'status'; status: StatusKey; children: Inline[] }
  /**
   * Words with a role a writer may show differently: `change` ("up from On track"), `regression`,
   * `hidden` (read by screen readers, not shown: "Status: " before a badge).
   */
  | { type: 'span'; role: 'change' | 'regression' | 'hidden'; children: Inline[] };

export interface TableCell {
  /** `col` heads a column, `row` heads its row; absent for a data cell. */
  header?: 'col' | 'row';
  blocks: Block[];
  /** Numbers are set flush right. */
  align?: 'left' | 'right';
}

export interface TableRow {
  cells: TableCell[];
  /**
   * Set on the first row of a group of rows (an annex department's pledges): the group's name, as
   * a reader's sidebar lists it. A paged writer bookmarks the row under the heading before the table.
   */
  outline?: string;
}

export interface TableColumn {
  /** A share of the table's width, relative to the other columns' (null: as its content needs). */
  weight: number | null;
  align?: 'left' | 'right';
}

export interface ChartBar {
  label: string;
  value: number;
  /** The value as a reader sees it beside the bar: "2 (50%)". */
  valueText: string;
  /** The status whose colour the bar takes, when it shows one. */
  status?: StatusKey;
}

export type Block =
  /** `caption`: the small line above a title (the programme's name over the cover's title). */
  | { type: 'paragraph'; children: Inline[]; style?: 'lead' | 'small' | 'signature' | 'caption' }
  /**
   * A heading. `id` makes it a link target; `outline` puts it in the contents and the PDF's
   * bookmarks (level 2 parts do; headings inside a part's text do not).
   */
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; id?: string; outline?: boolean; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; style?: 'bullet' | 'plain'; items: Block[][] }
  | { type: 'quote'; children: Block[]; attribution: Inline[] | null }
  | { type: 'code'; text: string }
  | { type: 'rule' }
  /** Term and value pairs: the cover's "Published: 1 October 2014", a signatory's details. */
  | { type: 'definitions'; items: { term: Inline[]; value: Inline[] }[] }
  | {
      type: 'table';
      id?: string;
      caption: Inline[];
      columns: TableColumn[];
      /** Header rows, repeated at the top of every page the table runs onto. */
      head: TableRow[];
      body: TableRow[];
      /** On a narrow screen, show each body row as a card rather than scroll sideways. */
      stack?: boolean;
    }
  /** A chart with its text alternative; the same figures are always in a table beside it. */
  | { type: 'figure'; id?: string; alt: string; caption: Inline[] | null; chart: { kind: 'bar'; bars: ChartBar[] } }
  /** A picture from a file (the cover's crest or logo), read once and carried as bytes. */
  | { type: 'image'; alt: string; mediaType: 'image/png' | 'image/jpeg' | 'image/svg+xml'; data: Uint8Array; width: number | null }
  /** A notice set apart: a banner a template adds, the "Draft" notice, a callout. */
  | { type: 'note'; role: 'banner' | 'draft' | 'callout'; children: Block[] }
  /** The footnotes of the part they close, by number. */
  | { type: 'footnotes'; heading: Inline[] | null; items: { number: number; blocks: Block[] }[] }
  /** The table of contents: the outline headings after it, each with the words a reader sees. */
  | { type: 'contents'; heading: Inline[]; entries: { id: string; level: number; children: Inline[] }[] }
  /**
   * A part of the document: the cover, a theme, a pledge, the annex. `role` names it for styling
   * and for tagging (PDF `Sect`, HTML `section`); `break` asks a paged writer for a new page before it.
   */
  | { type: 'section'; role: string; id?: string; break?: 'page' | 'none'; children: Block[] };

export interface DocumentMeta {
  /** BCP 47: HTML `lang`, the PDF's `/Lang`, DOCX's language. */
  lang: string;
  title: string;
  subtitle: string | null;
  /** The publisher: document properties' author. */
  author: string | null;
  /** ISO date of publication; also the date written into binary formats when SOURCE_DATE_EPOCH is unset. */
  date: string | null;
  /** The short title in a paged format's running footer. */
  runningTitle: string;
  /** Set by `report --draft`: writers mark every page. */
  draft: boolean;
  keywords: string[];
  /** The organisation named in a format's masthead (HTML's publisher bar): the publisher, else the programme. */
  masthead: string;
  /** The report's own colour (#rrggbb) for its bands and bars, from report.yaml; null: the format's default. */
  colour: string | null;
}

/**
 * The words a writer puts round the content (page furniture), resolved from the catalogue like
 * every other word. Placeholders in braces are filled by the writer: `{page}`, `{pages}`.
 */
export interface DocumentLabels {
  /** "Skip to main content" (HTML). */
  skipLink: string;
  /** "{page} of {pages}" (paged formats' footer). */
  pageOfPages: string;
  /** "Draft" (the watermark or running line on every page of a draft). */
  draftMark: string;
  /** "Back to footnote {number} reference", for footnote back-links. */
  footnoteBack: string;
  /** "Footnote {number}", the accessible name of a footnote reference. */
  footnoteRef: string;
  /** "Contents" as a bookmark title. */
  contents: string;
  /** "Footnotes": the accessible name of a footnotes block that has no heading. */
  footnotes: string;
  /** "Chart": the accessible name of a figure's text alternative where a format needs one. */
  chart: string;
}

export interface Document {
  meta: DocumentMeta;
  labels: DocumentLabels;
  blocks: Block[];
}
