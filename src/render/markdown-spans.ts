/**
 * The neutral Markdown dialect (see src/core/replies/reply.ts) as a list of spans, so every renderer
 * converts the same parse: **bold**, _italic_, `code`, [label](https://url). Anything else is text.
 */
export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

const TOKEN = /\*\*([^*\n]+)\*\*|(?<![\p{L}\p{N}])_([^_\n]+)_(?![\p{L}\p{N}])|`([^`\n]+)`|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/gu;

export function parseSpans(line: string): Span[] {
  const spans: Span[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    if (m.index! > last) spans.push({ kind: 'text', text: line.slice(last, m.index) });
    if (m[1] !== undefined) spans.push({ kind: 'bold', text: m[1] });
    else if (m[2] !== undefined) spans.push({ kind: 'italic', text: m[2] });
    else if (m[3] !== undefined) spans.push({ kind: 'code', text: m[3] });
    else spans.push({ kind: 'link', text: m[4]!, url: m[5]! });
    last = m.index! + m[0].length;
  }
  if (last < line.length) spans.push({ kind: 'text', text: line.slice(last) });
  return spans;
}
