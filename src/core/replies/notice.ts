import type { Reply } from './reply';

/** A short sentence from the bot (not configured, not allowed, could not do it). `detail` is plain text. */
export function notice(title: string, markdown: string, opts: { detail?: string; visibility?: Reply['visibility']; kind?: Reply['kind'] } = {}): Reply {
  return {
    kind: opts.kind ?? 'notice',
    text: [title, markdown.replace(/\*\*|`/g, ''), opts.detail].filter(Boolean).join('\n'),
    blocks: [
      { type: 'heading', text: title },
      { type: 'markdown', text: markdown },
      ...(opts.detail ? [{ type: 'text' as const, text: opts.detail }] : []),
    ],
    visibility: opts.visibility ?? 'private',
  };
}
