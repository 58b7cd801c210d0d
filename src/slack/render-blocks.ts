import type { types } from '@slack/bolt';
import { assertNever, type Action, type Block, type Finding, type Reply } from '../core/replies/reply';
import {
  MAX_ACTION_ELEMENTS,
  MAX_BLOCKS,
  MAX_BUTTON_TEXT_CHARS,
  MAX_BUTTON_VALUE_CHARS,
  MAX_CONTEXT_ELEMENTS,
  MAX_FALLBACK_CHARS,
  MAX_FIELD_CHARS,
  MAX_FIELDS,
  MAX_HEADER_CHARS,
  MAX_SECTION_CHARS,
} from './block-kit-limits';
import { breakCodeFences, escapeLinkUrl, escapeMrkdwn, escapeWithin, neutraliseFormatting } from './escape-mrkdwn';
import { markdownToMrkdwn } from './markdown-to-mrkdwn';
import { splitLines } from './split-lines';

export type SlackBlock = types.KnownBlock;

export interface SlackPayload {
  /** Plain-text fallback, escaped: Slack parses `text` as mrkdwn too. Never empty. */
  text: string;
  blocks: SlackBlock[];
}

/** Unicode marks: findings are plain_text (their titles and details come from AWS and users). */
const MARKS: Record<Finding['status'], string> = { pass: '✅', fail: '❌', warn: '⚠️', info: 'ℹ️', na: '➖' };

/**
 * `verbatim: true` on every mrkdwn object: Slack then does not auto-link bare URLs, channel names
 * or `@here` in the text. Our own links use explicit `<url|label>` markup, which still works.
 */
const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const plain = (text: string): types.PlainTextElement => ({ type: 'plain_text', text, emoji: false });

function sections(rendered: string): SlackBlock[] {
  return splitLines(rendered, MAX_SECTION_CHARS).map((t) => ({ type: 'section', text: mrkdwn(t || ' ') }));
}

function codeSections(text: string): SlackBlock[] {
  const fence = (body: string) => `\`\`\`\n${body}\n\`\`\``;
  const budget = MAX_SECTION_CHARS - fence('').length;
  return splitLines(breakCodeFences(escapeMrkdwn(text)), budget).map((t) => ({ type: 'section', text: mrkdwn(fence(t || ' ')) }));
}

/** Two columns: the label (ours, bold) next to the value (untrusted, plain_text). */
function facts(items: { label: string; value: string }[]): SlackBlock[] {
  const fields = items.flatMap((f) => [
    mrkdwn(`*${escapeWithin(f.label.replace(/\s+/g, ' ').trim() || ' ', MAX_FIELD_CHARS - 2)}*`),
    plain(escapeWithin(f.value || ' ', MAX_FIELD_CHARS)),
  ]);
  const out: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += MAX_FIELDS) out.push({ type: 'section', fields: fields.slice(i, i + MAX_FIELDS) });
  return out;
}

function finding(f: Finding): string {
  const title = f.title.replace(/\s+/g, ' ').trim();
  const detail = f.detail ? ` — ${f.detail.replace(/\s*\n\s*/g, ' ')}` : '';
  const article = f.article ? ` (kb ${f.article})` : '';
  return escapeMrkdwn(`${MARKS[f.status]} ${title}${detail}${article}`);
}

/** Untrusted text: escaped, in plain_text objects, which Slack never formats or links. */
function plainSections(escaped: string): SlackBlock[] {
  return splitLines(escaped, MAX_SECTION_CHARS).map((t) => ({ type: 'section', text: plain(t || ' ') }));
}

/** Slack wants action ids unique within a block: the second "clarify.choose" button becomes "clarify.choose#2". */
export const ACTION_ID_SUFFIX = '#';

function button(a: Action, index: number, all: Action[]): types.Button | undefined {
  // A value Slack would reject would sink the whole message; the core keeps payloads far below it.
  if (a.value.length > MAX_BUTTON_VALUE_CHARS) return undefined;
  const same = all.slice(0, index).filter((b) => b.id === a.id).length;
  return {
    type: 'button',
    action_id: same === 0 ? a.id : `${a.id}${ACTION_ID_SUFFIX}${same + 1}`,
    text: plain(escapeWithin(a.label, MAX_BUTTON_TEXT_CHARS)),
    value: a.value,
    ...(a.style ? { style: a.style } : {}),
  };
}

/**
 * Slack's native thumbs (a `feedback_buttons` element in a `context_actions` block) for the
 * Helpful / Not helpful pair. One element carries both, so each value names its action:
 * `feedback.helpful|<payload>`; `readNativeFeedback` turns a click back into our ActionId.
 */
function nativeFeedback(helpful: Action, notHelpful: Action): SlackBlock {
  return {
    type: 'context_actions',
    elements: [
      {
        type: 'feedback_buttons',
        action_id: NATIVE_FEEDBACK_ACTION_ID,
        positive_button: { text: plain('Helpful'), accessibility_label: 'This answer was helpful', value: `${helpful.id}|${helpful.value}` },
        negative_button: { text: plain('Not helpful'), accessibility_label: 'This answer was not helpful', value: `${notHelpful.id}|${notHelpful.value}` },
      },
    ],
  };
}

function actions(all: Action[], options: RenderOptions): SlackBlock[] {
  let list = all;
  const helpful = all.find((a) => a.id === 'feedback.helpful');
  const notHelpful = all.find((a) => a.id === 'feedback.not_helpful');
  const native = options.nativeFeedback && helpful && notHelpful && `${helpful.id}|${helpful.value}`.length <= MAX_BUTTON_VALUE_CHARS ? nativeFeedback(helpful, notHelpful) : undefined;
  if (native) list = all.filter((a) => a !== helpful && a !== notHelpful);
  const elements = list.map((a, i) => button(a, i, list)).filter((b): b is types.Button => b !== undefined);
  const out: SlackBlock[] = native ? [native] : [];
  for (let i = 0; i < elements.length; i += MAX_ACTION_ELEMENTS) out.push({ type: 'actions', elements: elements.slice(i, i + MAX_ACTION_ELEMENTS) });
  return out;
}

function context(markdown: string): SlackBlock[] {
  const pieces = splitLines(markdownToMrkdwn(markdown), MAX_SECTION_CHARS).map(mrkdwn);
  const out: SlackBlock[] = [];
  for (let i = 0; i < pieces.length; i += MAX_CONTEXT_ELEMENTS) out.push({ type: 'context', elements: pieces.slice(i, i + MAX_CONTEXT_ELEMENTS) });
  return out;
}

/** Marks the source line so trimming to 50 blocks keeps it with the buttons. */
const SOURCE_BLOCK_ID = 'idc-source';

/** "Source: <url|title>" in a context block; the title is ours but still escaped (quotes, `&`). */
function source(title: string, url: string): SlackBlock {
  const label = escapeWithin(title.replace(/\s+/g, ' ').trim(), MAX_SECTION_CHARS - url.length - 20).replace(/\|/g, '¦');
  return { type: 'context', block_id: SOURCE_BLOCK_ID, elements: [mrkdwn(`Source: <${escapeLinkUrl(url)}|${label}>`)] };
}

const isTail = (b: SlackBlock) => b.type === 'actions' || b.block_id === SOURCE_BLOCK_ID;

function renderBlock(block: Block, options: RenderOptions): SlackBlock[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'header', text: plain(escapeWithin(block.text.replace(/\s+/g, ' ').trim() || ' ', MAX_HEADER_CHARS)) }];
    case 'markdown':
      return sections(markdownToMrkdwn(block.text));
    case 'text':
      return plainSections(escapeMrkdwn(block.text));
    case 'steps':
      return sections(block.items.map((s, i) => `${i + 1}. ${markdownToMrkdwn(s).replace(/\n/g, '\n     ')}`).join('\n'));
    case 'facts':
      return facts(block.items);
    case 'findings':
      return plainSections(block.items.map(finding).join('\n'));
    case 'quote':
      // A real quote needs mrkdwn; the quoted text is escaped and its formatting marks neutralised.
      return sections(
        neutraliseFormatting(escapeMrkdwn(block.text))
          .split('\n')
          .map((l) => `>${l ? ` ${l}` : ''}`)
          .join('\n'),
      );
    case 'code':
      return codeSections(block.text);
    case 'context':
      return context(block.text);
    case 'actions':
      return actions(block.actions, options);
    case 'source':
      return [source(block.title, block.url)];
    case 'divider':
      return [{ type: 'divider' }];
    default:
      return assertNever(block);
  }
}

/**
 * Keeps a message inside Slack's 50 blocks: the first blocks, a note saying how much was left out,
 * and the trailing actions and source line (the buttons and the source matter more than the
 * twentieth paragraph).
 */
function fitBlockCount(blocks: SlackBlock[], max: number): SlackBlock[] {
  if (blocks.length <= max) return blocks;
  const tail: SlackBlock[] = [];
  while (blocks.length > 0 && isTail(blocks[blocks.length - 1]!) && tail.length < 3) tail.unshift(blocks.pop()!);
  const room = max - tail.length - 1;
  const dropped = blocks.length - room;
  const note: SlackBlock = { type: 'context', elements: [mrkdwn(`_This reply is long: ${dropped} more part${dropped === 1 ? '' : 's'} not shown. Ask for a narrower topic to see the rest._`)] };
  return [...blocks.slice(0, room), note, ...tail];
}

export interface RenderOptions {
  /** Helpful / Not helpful as Slack's native feedback buttons (assistant threads); plain buttons otherwise. */
  nativeFeedback?: boolean;
  /** Messages and modals allow 50 blocks, Home tabs 100. */
  maxBlocks?: number;
}

/** The action_id of the native feedback element (its values carry our ActionIds). */
export const NATIVE_FEEDBACK_ACTION_ID = 'feedback';

/** Neutral blocks as Block Kit, within `maxBlocks` (default: a message's 50). */
export function renderBlockList(blocks: Block[], options: RenderOptions = {}): SlackBlock[] {
  return fitBlockCount(blocks.flatMap((b) => renderBlock(b, options)), options.maxBlocks ?? MAX_BLOCKS);
}

/** The neutral reply as a Slack message: Block Kit within Slack's limits plus an escaped `text` fallback. */
export function renderBlocks(reply: Reply, options: RenderOptions = {}): SlackPayload {
  const blocks = renderBlockList(reply.blocks, options);
  const text = escapeWithin(reply.text.trim() || 'IAM Identity Center assistant', MAX_FALLBACK_CHARS);
  return { text, blocks };
}
