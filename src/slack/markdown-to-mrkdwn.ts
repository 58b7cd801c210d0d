import { assertNever } from '../core/replies/reply';
import { parseSpans } from '../render/markdown-spans';
import { escapeLinkUrl, escapeMrkdwn } from './escape-mrkdwn';

/**
 * Our neutral Markdown (trusted: knowledge base and bot sentences) to Slack mrkdwn:
 * **bold** → *bold*, _italic_ → _italic_, `code` → `code`, [label](url) → <url|label>,
 * "- " bullets → "• ". The text between marks is still escaped: articles quote error messages
 * that contain `<` and `&`.
 */
export function markdownToMrkdwn(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      const bullet = /^\s*- /.exec(line);
      const body = bullet ? line.slice(bullet[0].length) : line;
      return (bullet ? '• ' : '') + inline(body);
    })
    .join('\n');
}

function inline(line: string): string {
  return parseSpans(line)
    .map((s) => {
      switch (s.kind) {
        case 'text':
          return escapeMrkdwn(s.text);
        case 'bold':
          return wrap('*', s.text);
        case 'italic':
          return wrap('_', s.text);
        case 'code':
          return `\`${escapeMrkdwn(s.text)}\``;
        case 'link':
          return `<${escapeLinkUrl(s.url)}|${escapeMrkdwn(s.text).replace(/\|/g, '¦')}>`;
        default:
          return assertNever(s);
      }
    })
    .join('');
}

/** mrkdwn emphasis does not apply when the marks touch spaces: "** a **" must become " *a* ". */
function wrap(mark: string, text: string): string {
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  const core = text.trim();
  return core ? `${lead}${mark}${escapeMrkdwn(core)}${mark}${trail}` : text;
}
