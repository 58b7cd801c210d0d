import { parseSpans, type Span } from '../render/markdown-spans';

/**
 * Characters Teams' card Markdown gives meaning to: emphasis, links (`[` `]`: no link without
 * them), headings, strike-through. Backslash escapes are CommonMark and render correctly on Teams
 * desktop and web; `<` `>` are escaped too so `<at>…</at>` (a mention) or a tag-like
 * `<article-id>` is shown as text instead of being parsed.
 */
export const CARD_MARKDOWN_SPECIAL = /[\\`*_[\]<>#~]/g;

/** Makes plain text safe inside a Markdown-parsed card field (TextBlock text, FactSet value). */
export function escapeCardMarkdown(text: string): string {
  return text.replace(CARD_MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** A Markdown link in a card: the label escaped, and no `(`, `)` or space left to end the URL early. */
export function cardLink(label: string, url: string): string {
  // encodeURIComponent leaves ( and ) alone, and a ) would end the link: percent-encode them by hand.
  const safe = url.replace(/[()\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
  return `[${escapeCardMarkdown(label)}](${safe})`;
}

function span(s: Span): string {
  switch (s.kind) {
    case 'text':
    case 'code':
      // Card Markdown has no inline code: show the words, escaped, without the backticks.
      return escapeCardMarkdown(s.text);
    case 'bold':
      return `**${escapeCardMarkdown(s.text)}**`;
    case 'italic':
      return `_${escapeCardMarkdown(s.text)}_`;
    case 'link':
      return cardLink(s.text, s.url);
  }
}

/**
 * Converts our neutral Markdown (trusted text: knowledge base, bot sentences) to Teams card
 * Markdown. Every character outside the recognised spans is escaped, so only the formatting we
 * chose survives. "- " bullets stay bullets.
 */
export function markdownToCard(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const bullet = /^\s*- /.exec(line);
      const rest = bullet ? line.slice(bullet[0].length) : line;
      return (bullet ? '- ' : '') + parseSpans(rest).map(span).join('');
    })
    .join('\n');
}
