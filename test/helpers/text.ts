// Output as a reader sees it: HTML without its tags, entities decoded, for comparing words.

/** The page's text as a reader sees it: tags dropped, entities decoded, white space collapsed. */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<\/?(em|strong|a|abbr|span|code|time|sup)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
