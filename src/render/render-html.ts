import { assertNever, type Block, type Reply } from '../core/replies/reply';
import { parseSpans } from './markdown-spans';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function inline(line: string): string {
  return parseSpans(line)
    .map((s) => {
      const t = escapeHtml(s.text);
      switch (s.kind) {
        case 'text':
          return t;
        case 'bold':
          return `<strong>${t}</strong>`;
        case 'italic':
          return `<em>${t}</em>`;
        case 'code':
          return `<code>${t}</code>`;
        case 'link':
          return `<a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${t}</a>`;
        default:
          return assertNever(s);
      }
    })
    .join('');
}

/** Paragraphs, with runs of "- " lines as lists. */
function markdown(text: string): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul>${list.map((l) => `<li>${inline(l)}</li>`).join('')}</ul>`);
    list = [];
  };
  for (const line of text.split('\n')) {
    if (/^\s*- /.test(line)) list.push(line.replace(/^\s*- /, ''));
    else {
      flush();
      if (line.trim()) out.push(`<p>${inline(line)}</p>`);
    }
  }
  flush();
  return out.join('');
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case 'markdown':
      return markdown(block.text);
    case 'context':
      return `<div class="context">${markdown(block.text)}</div>`;
    case 'text':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'steps':
      return `<ol>${block.items.map((s) => `<li>${markdown(s)}</li>`).join('')}</ol>`;
    case 'facts':
      return `<dl>${block.items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
    case 'findings':
      return `<ul class="findings">${block.items
        .map(
          (f) =>
            `<li class="${f.status}"><strong>${escapeHtml(f.title)}</strong>${f.detail ? ` — ${escapeHtml(f.detail)}` : ''}${f.article ? ` <code>${escapeHtml(f.article)}</code>` : ''}</li>`,
        )
        .join('')}</ul>`;
    case 'quote':
      return `<blockquote>${escapeHtml(block.text)}</blockquote>`;
    case 'code':
      return `<pre>${escapeHtml(block.text)}</pre>`;
    case 'actions':
      return `<div class="actions">${block.actions
        .map((a) => `<button type="button" data-action="${escapeHtml(a.id)}" data-value="${escapeHtml(a.value)}">${escapeHtml(a.label)}</button>`)
        .join('')}</div>`;
    case 'source':
      return `<p class="source">Source: <a href="${escapeHtml(block.url)}" rel="noopener noreferrer">${escapeHtml(block.title)}</a></p>`;
    case 'divider':
      return '<hr>';
    default:
      return assertNever(block);
  }
}

/** HTML fragment for the local console. Every string is escaped; only our own mark-up is emitted. */
export function renderHtml(reply: Reply): string {
  return `<section class="reply ${reply.kind}">${reply.blocks.map(renderBlock).join('')}</section>`;
}
