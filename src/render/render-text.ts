import { assertNever, type Block, type Reply } from '../core/replies/reply';
import { parseSpans } from './markdown-spans';

const MARKS: Record<string, string> = { pass: '✓', fail: '✗', warn: '!', info: 'i', na: '–' };

function plain(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      parseSpans(line)
        .map((s) => (s.kind === 'link' ? `${s.text} (${s.url})` : s.text))
        .join(''),
    )
    .join('\n');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `== ${block.text} ==`;
    case 'markdown':
    case 'context':
      return plain(block.text);
    case 'text':
      return block.text;
    case 'steps':
      return block.items.map((s, i) => `${i + 1}. ${plain(s).replace(/\n/g, '\n   ')}`).join('\n');
    case 'facts':
      return block.items.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'findings':
      return block.items
        .map((f) => `[${MARKS[f.status]}] ${f.title}${f.detail ? ` — ${f.detail}` : ''}${f.article ? ` (kb ${f.article})` : ''}`)
        .join('\n');
    case 'quote':
      return block.text
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'code':
      return block.text;
    case 'actions':
      return `Actions: ${block.actions.map((a) => `[${a.label}]`).join(' ')}`;
    case 'source':
      return `Source: ${block.title} (${block.url})`;
    case 'divider':
      return '---';
    default:
      return assertNever(block);
  }
}

/** Plain text for the CLI and terminals. */
export function renderText(reply: Reply): string {
  return reply.blocks.map(renderBlock).join('\n\n');
}
