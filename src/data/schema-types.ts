// Generated from schemas/*.schema.json by `npm run gen:types`. Do not edit by hand.

/**
 * programme.yaml: the programme that departments pledge to, stable across years.
 */
export interface ProgrammeFile {
/**
 * The programme's name, e.g. "Care Leaver Covenant".
 */
name: string
/**
 * The outcomes the programme works towards. Pledges name the ones they serve by id.
 */
outcomes?: Outcome[]
/**
 * The report's sections, in the order they appear (Education, Employment, …). Every pledge belongs to one theme.
 * 
 * @minItems 1
 */
themes: [Theme, ...(Theme)[]]
/**
 * The programme's principles, each a Markdown text.
 * 
 * Items: One principle (Markdown).
 */
principles?: string[]
}
/**
 * One outcome of the programme.
 */
export interface Outcome {
/**
 * The outcome's id, used by pledges' `outcomes` lists.
 */
id: string
/**
 * The outcome as it is written in the report.
 */
title: string
}
/**
 * One theme: a section of the report.
 */
export interface Theme {
/**
 * The theme's id, used by pledges' and sections' `theme`.
 */
id: string
/**
 * The section heading, e.g. "Education".
 */
title: string
}

/**
 * <year>/departments/<id>.yaml: one department's pledges and their progress that year.
 */
export interface DepartmentFile {
/**
 * The department's id. Must equal the file name without .yaml (dwp.yaml has id: dwp).
 */
id: string
/**
 * The department's full name, e.g. "Department for Work and Pensions".
 */
name: string
/**
 * The department's usual abbreviation, e.g. "DWP".
 */
short_name?: string
/**
 * Who signed the covenant on the department's behalf.
 */
signatory?: {
/**
 * The signatory's name.
 */
name?: string
/**
 * The signatory's position, e.g. "Secretary of State".
 */
position?: string
/**
 * The date of signature (YYYY-MM-DD).
 */
date?: string
}
/**
 * The department's pledges, in the order the report shows them.
 */
pledges: Pledge[]
}
/**
 * One pledge and its progress this year.
 */
export interface Pledge {
/**
 * The pledge's id, unique in the department and the same every year.
 */
id: string
/**
 * The id of the theme (in programme.yaml) the pledge belongs to.
 */
theme: string
/**
 * Ids of the outcomes (in programme.yaml) the pledge serves.
 * 
 * Items: An outcome id from programme.yaml.
 */
outcomes?: string[]
/**
 * What the department pledged (Markdown).
 */
commitment: string
/**
 * Where the pledge stands: pledged (made, no progress to report yet), on-track, ongoing, delayed, met, not-met or withdrawn.
 */
status: ("pledged" | "on-track" | "ongoing" | "delayed" | "met" | "not-met" | "withdrawn")
/**
 * What happened this year (Markdown).
 */
progress?: string
/**
 * What comes next (Markdown).
 */
next_steps?: string
/**
 * Figures that measure the pledge, compared across years by id.
 */
metrics?: Metric[]
/**
 * Links to further reading.
 */
links?: Link[]
}
/**
 * One figure, e.g. care leavers identified: 3162.
 */
export interface Metric {
/**
 * The metric's id, unique in the pledge and the same every year.
 */
id: string
/**
 * What the figure counts, as the report shows it.
 */
label: string
/**
 * The figure, as a number (3162, not "3,162").
 */
value: number
/**
 * The unit, e.g. GBP or %, when the figure is not a count.
 */
unit?: string
}
/**
 * A link to further reading.
 */
export interface Link {
/**
 * The link text.
 */
title: string
/**
 * An http(s): address with its host, or a mailto: address. Letters beyond ASCII (https://llyw.cymru/ŵ) are allowed.
 */
url: string
}

/**
 * <year>/report.yaml: that year's report: its metadata and narrative.
 */
export interface ReportFile {
/**
 * The report's title, e.g. "Care leaver strategy".
 */
title: string
/**
 * The subtitle, e.g. "One year on progress update".
 */
subtitle?: string
/**
 * The publication date (YYYY-MM-DD).
 */
date?: string
/**
 * Who publishes the report, e.g. "HM Government".
 */
publisher?: string
/**
 * The publication reference, e.g. "HMG-00634-2014".
 */
reference?: string
/**
 * The licence the report is published under, e.g. "Open Government Licence v3.0".
 */
licence?: string
/**
 * The language of the report's words, as a BCP 47 tag (default en-GB): the catalogue templates/locales/<language>.yaml gives the words the tool adds, and HTML and PDF are marked with it.
 */
language?: string
/**
 * The report's own colour, as #rrggbb (default GOV.UK blue, #1d70b8): the cover's band in the HTML and the PDF, and the bar beside the HTML's contents. White text is set on it, so it must be dark enough for that (a contrast of at least 4.5:1).
 */
colour?: string
/**
 * A logo or crest for the cover.
 */
logo?: {
/**
 * A PNG or JPEG file, relative to the year's folder, e.g. "crest.png".
 */
file: string
/**
 * What the picture shows, for readers who cannot see it, e.g. "HM Government crest".
 */
alt: string
}
/**
 * The foreword and who signed it.
 */
foreword?: {
/**
 * The foreword's text (Markdown).
 */
body: string
/**
 * Who signed the foreword.
 */
signed_by?: {
/**
 * The signatory's name.
 */
name: string
/**
 * The signatory's role, e.g. "Minister for Children & Families".
 */
role?: string
}
}
/**
 * The introduction (Markdown).
 */
introduction?: string
/**
 * The narrative of each theme's section, in any order (the report follows programme.yaml's theme order).
 */
sections?: Section[]
/**
 * The conclusion (Markdown).
 */
conclusion?: string
/**
 * How to give feedback on the report (Markdown).
 */
feedback?: string
/**
 * How to reach the publisher about the report, printed with the publication details (Markdown), e.g. an enquiries address.
 */
contact?: string
}
/**
 * The narrative for one theme's section.
 */
export interface Section {
/**
 * The id of the theme (in programme.yaml) this section tells about.
 */
theme: string
/**
 * The section's narrative (Markdown).
 */
body?: string
/**
 * Case studies, each set apart in the report.
 * 
 * Items: One case study.
 */
case_studies?: {
/**
 * The case study's title.
 */
title: string
/**
 * The case study (Markdown).
 */
body: string
}[]
/**
 * Quotations from care leavers and organisations.
 * 
 * Items: One quotation.
 */
quotes?: {
/**
 * The words quoted.
 */
text: string
/**
 * Who said it, e.g. "Care leaver from Salford".
 */
attribution?: string
}[]
/**
 * What happens next in this area (Markdown).
 */
next_steps?: string
}
