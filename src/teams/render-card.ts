import { assertNever, type Action, type Block, type Finding, type Reply } from '../core/replies/reply';
import { CARD_VERSION, type AdaptiveCard, type CardAction, type CardElement, type SubmitAction, type TextRun } from './adaptive-card';
import { cardLink, escapeCardMarkdown, markdownToCard } from './card-markdown';

/**
 * Teams rejects messages over about 80 KB (card JSON included). We stay well under: the card's
 * JSON is kept below this many bytes by shortening long untrusted text, then dropping trailing
 * blocks with a note.
 */
export const MAX_CARD_BYTES = 28_000;
/** Longest run of pasted or AWS text shown in one block before it is shortened. */
const MAX_BLOCK_CHARS = 3_000;
const MIN_BLOCK_CHARS = 200;
const MAX_FALLBACK_CHARS = 2_000;

export interface RenderCardOptions {
  /**
   * `submit` (default): Action.Submit, which Teams delivers as a message activity with a `value`.
   * `execute`: Action.Execute (Universal Actions, an `adaptiveCard/action` invoke) falling back to
   * Action.Submit; used where the card is updated in place for everyone (escalations).
   */
  actions?: 'submit' | 'execute';
}

const MARK: Record<Finding['status'], { text: string; color?: TextRun['color'] }> = {
  pass: { text: '✓', color: 'Good' },
  fail: { text: '✗', color: 'Attention' },
  warn: { text: '!', color: 'Warning' },
  info: { text: 'i', color: 'Accent' },
  na: { text: '–' },
};

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en-US')} more characters not shown)`;
}

function plainRuns(text: string, max: number, extra: Partial<TextRun> = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: shorten(text, max), ...extra }] };
}

function submit(action: Action): SubmitAction {
  return {
    type: 'Action.Submit',
    title: action.label,
    data: { action: action.id, value: action.value },
    ...(action.style ? { style: action.style === 'danger' ? 'destructive' : 'positive' } : {}),
  };
}

function cardAction(action: Action, mode: RenderCardOptions['actions']): CardAction {
  const fallback = submit(action);
  if (mode !== 'execute') return fallback;
  return { type: 'Action.Execute', title: fallback.title, verb: action.id, data: fallback.data, ...(fallback.style ? { style: fallback.style } : {}), fallback };
}

function findingElements(f: Finding, max: number): CardElement[] {
  const mark = MARK[f.status];
  const head: TextRun[] = [
    { type: 'TextRun', text: mark.text, weight: 'Bolder', ...(mark.color ? { color: mark.color } : {}) },
    { type: 'TextRun', text: ` ${shorten(f.title, 300)}`, weight: 'Bolder' },
  ];
  if (f.article) head.push({ type: 'TextRun', text: ` (kb ${f.article})`, isSubtle: true });
  const out: CardElement[] = [{ type: 'RichTextBlock', inlines: head }];
  if (f.detail) out.push(plainRuns(f.detail, max, { isSubtle: true }));
  return out;
}

/** One neutral block as card elements. `max` bounds untrusted text (shrinks when the card is too big). */
function renderBlock(block: Block, max: number, mode: RenderCardOptions['actions']): CardElement[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'TextBlock', text: markdownToCard(block.text), wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' }];
    case 'markdown':
      return [{ type: 'TextBlock', text: markdownToCard(block.text), wrap: true }];
    case 'context':
      return [{ type: 'TextBlock', text: markdownToCard(block.text), wrap: true, isSubtle: true, size: 'Small' }];
    case 'text':
      return [plainRuns(block.text, max)];
    case 'steps':
      return [{ type: 'TextBlock', text: block.items.map((s, i) => `${i + 1}. ${markdownToCard(s).replace(/\n/g, '\n   ')}`).join('\n'), wrap: true }];
    case 'facts':
      return [{ type: 'FactSet', facts: block.items.map((f) => ({ title: escapeCardMarkdown(f.label), value: escapeCardMarkdown(shorten(f.value, Math.min(max, 500))) })) }];
    case 'findings':
      return [{ type: 'Container', items: block.items.flatMap((f) => findingElements(f, max)) }];
    case 'quote':
      return [{ type: 'Container', style: 'emphasis', items: [plainRuns(block.text, max, { italic: true })] }];
    case 'code':
      return [{ type: 'Container', style: 'emphasis', items: [plainRuns(block.text, max, { fontType: 'Monospace' })] }];
    case 'actions':
      return block.actions.length ? [{ type: 'ActionSet', actions: block.actions.map((a) => cardAction(a, mode)) }] : [];
    case 'source':
      return [{ type: 'TextBlock', text: `Source: ${cardLink(block.title, block.url)}`, wrap: true, isSubtle: true, size: 'Small' }];
    case 'divider':
      return [];
    default:
      return assertNever(block);
  }
}

function build(blocks: Block[], max: number, reply: Reply, mode: RenderCardOptions['actions']): AdaptiveCard {
  const body: CardElement[] = [];
  let separate = false;
  for (const block of blocks) {
    if (block.type === 'divider') {
      separate = body.length > 0;
      continue;
    }
    const elements = renderBlock(block, max, mode);
    if (separate && elements[0]) elements[0] = { ...elements[0], separator: true };
    if (elements.length) separate = false;
    body.push(...elements);
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    fallbackText: shorten(reply.text, MAX_FALLBACK_CHARS),
    body,
    msteams: { width: 'Full' },
  };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card));
}

/**
 * Renders a neutral reply as an Adaptive Card (1.5). Trusted Markdown becomes TextBlock Markdown;
 * untrusted text goes into text runs (never parsed) or is escaped (FactSet values). The result is
 * always under MAX_CARD_BYTES: long text is shortened first, then trailing blocks are dropped
 * (actions and the source line are kept) with a note saying so.
 */
export function renderCard(reply: Reply, options: RenderCardOptions = {}): AdaptiveCard {
  const mode = options.actions ?? 'submit';
  for (let max = MAX_BLOCK_CHARS; max >= MIN_BLOCK_CHARS; max = Math.floor(max / 2)) {
    const card = build(reply.blocks, max, reply, mode);
    if (cardBytes(card) <= MAX_CARD_BYTES) return card;
  }
  // The buttons and the source line survive; content is dropped from the end.
  const kept = (b: Block) => b.type === 'actions' || b.type === 'source';
  const actions = reply.blocks.filter(kept);
  const content = reply.blocks.filter((b) => !kept(b));
  while (content.length > 0) {
    content.pop();
    const note: Block = { type: 'context', text: 'This answer was too long for a Teams card; the rest is left out. Ask in a narrower way to see it.' };
    const card = build([...content, note, ...actions], MIN_BLOCK_CHARS, reply, mode);
    if (cardBytes(card) <= MAX_CARD_BYTES) return card;
  }
  return build([{ type: 'text', text: shorten(reply.text, MIN_BLOCK_CHARS) }], MIN_BLOCK_CHARS, reply, mode);
}
