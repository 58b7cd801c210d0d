import fc from 'fast-check';
import type { Block, Reply } from '../../src/core/replies/reply';
import { CARD_MARKDOWN_SPECIAL, escapeCardMarkdown, markdownToCard } from '../../src/teams/card-markdown';
import { cardBytes, MAX_CARD_BYTES, renderCard } from '../../src/teams/render-card';
import { buildAssistant, buildInput } from '../helpers/builders';
import { cardActions, cardText } from './teams-harness';

const reply = (blocks: Block[], text = 'fallback'): Reply => ({ kind: 'answer', text, blocks, visibility: 'public' });

const EVERY_BLOCK: Block[] = [
  { type: 'heading', text: 'Heading' },
  { type: 'markdown', text: '**Bold** and _italic_ and `code` and [docs](https://docs.aws.amazon.com/x)\n- first\n- second' },
  { type: 'text', text: 'plain text' },
  { type: 'steps', items: ['Do **this**', 'Then that'] },
  { type: 'facts', items: [{ label: 'User', value: 'alice' }] },
  { type: 'findings', items: [{ status: 'fail', title: 'User not found', detail: 'No user alice', article: 'user-missing' }, { status: 'pass', title: 'Trail ok' }] },
  { type: 'quote', text: 'quoted' },
  { type: 'code', text: 'line 1\nline 2' },
  { type: 'divider' },
  { type: 'context', text: 'Small print' },
  { type: 'actions', actions: [{ id: 'escalate', label: 'Escalate', value: '{}', style: 'danger' }] },
];

describe('renderCard', () => {
  it('renders every block type into a 1.5 card', () => {
    const card = renderCard(reply(EVERY_BLOCK));
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', fallbackText: 'fallback' });
    expect(card.body.map((e) => e.type)).toEqual(['TextBlock', 'TextBlock', 'RichTextBlock', 'TextBlock', 'FactSet', 'Container', 'Container', 'Container', 'TextBlock', 'ActionSet']);
    expect(card.body[8]).toMatchObject({ separator: true, isSubtle: true }); // the divider separates the next element
    expect(card.body[1]).toMatchObject({ text: '**Bold** and _italic_ and code and [docs](https://docs.aws.amazon.com/x)\n- first\n- second' });
    expect(card.body[3]).toMatchObject({ text: '1. Do **this**\n2. Then that' });
    expect(card.body[7]).toMatchObject({ style: 'emphasis', items: [{ type: 'RichTextBlock', inlines: [{ text: 'line 1\nline 2', fontType: 'Monospace' }] }] });
    expect(cardText(card)).toMatch(/✗ User not found \(kb user-missing\)\nNo user alice\n✓ Trail ok/);
  });

  it('shows untrusted text exactly, in text runs that Teams never parses as Markdown', () => {
    const evil = '**urgent** [click](https://evil.example) <at>Everyone</at> _x_';
    const card = renderCard(reply([{ type: 'text', text: evil }, { type: 'quote', text: evil }, { type: 'code', text: evil }]));
    const runs = JSON.stringify(card.body);
    expect(card.body.every((e) => e.type !== 'TextBlock')).toBe(true);
    expect(runs.split(JSON.stringify(evil)).length - 1).toBe(3);
  });

  it('escapes untrusted fact values, which Teams does parse', () => {
    const card = renderCard(reply([{ type: 'facts', items: [{ label: 'Name', value: '**Boss** [x](https://evil.example) <at>All</at> AWS_REGION' }] }]));
    expect(card.body[0]).toEqual({ type: 'FactSet', facts: [{ title: 'Name', value: '\\*\\*Boss\\*\\* \\[x\\](https://evil.example) \\<at\\>All\\</at\\> AWS\\_REGION' }] });
  });

  it('renders buttons as Action.Submit with {action, value}, or Action.Execute falling back to it', () => {
    const actions: Block = { type: 'actions', actions: [{ id: 'feedback.helpful', label: 'Helpful', value: '{"a":"x"}', style: 'primary' }] };
    expect(cardActions(renderCard(reply([actions])))).toEqual([{ type: 'Action.Submit', title: 'Helpful', data: { action: 'feedback.helpful', value: '{"a":"x"}' }, style: 'positive' }]);
    const [execute] = cardActions(renderCard(reply([actions]), { actions: 'execute' }));
    expect(execute).toMatchObject({ type: 'Action.Execute', verb: 'feedback.helpful', data: { action: 'feedback.helpful', value: '{"a":"x"}' }, fallback: { type: 'Action.Submit' } });
  });

  it('shortens a huge pasted block to keep the card under the limit, and says so', () => {
    const card = renderCard(reply([{ type: 'heading', text: 'Log' }, { type: 'code', text: 'x'.repeat(300_000) }]));
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardText(card)).toMatch(/… \(29\d,\d{3} more characters not shown\)/);
  });

  it('drops trailing blocks but keeps the buttons when there are too many, with a note', () => {
    const many: Block[] = Array.from({ length: 400 }, (_, i) => ({ type: 'markdown' as const, text: `Paragraph ${i} ${'words '.repeat(20)}` }));
    const card = renderCard(reply([...many, { type: 'actions', actions: [{ id: 'escalate', label: 'Escalate', value: '{}' }] }]));
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(cardText(card)).toMatch(/too long for a Teams card/);
    expect(cardActions(card).map((a) => a.title)).toEqual(['Escalate']);
    expect(cardText(card)).toMatch(/^Paragraph 0 /);
  });

  it('keeps any card under the limit whatever the text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20_000 }), fc.string({ unit: 'binary', maxLength: 5_000 })), { maxLength: 20 }), (texts) => {
        const card = renderCard(reply(texts.map((t, i) => (i % 3 === 0 ? { type: 'code' as const, text: t } : i % 3 === 1 ? { type: 'facts' as const, items: [{ label: 'v', value: t }] } : { type: 'quote' as const, text: t }))));
        return cardBytes(card) <= MAX_CARD_BYTES;
      }),
      { numRuns: 60 },
    );
  });

  it('renders real answers from the core', async () => {
    const assistant = buildAssistant();
    for (const text of ['Request is unparsable, syntactically incorrect, or violates schema', 'help', 'kb', 'what time is lunch?']) {
      const r = (await assistant.handle(buildInput(text)))!;
      const card = renderCard(r);
      expect(card.version).toBe('1.5');
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(card.body.length).toBeGreaterThan(1);
    }
  });
});

describe('card Markdown', () => {
  it('leaves no unescaped special character in escaped text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const escaped = escapeCardMarkdown(s);
        const withoutEscapes = escaped.replace(/\\[\s\S]/g, '');
        return !new RegExp(CARD_MARKDOWN_SPECIAL.source).test(withoutEscapes) && escaped.replace(/\\([\s\S])/g, '$1') === s;
      }),
    );
  });

  it('keeps our formatting and escapes the rest of trusted Markdown', () => {
    expect(markdownToCard('Set `AWS_REGION` and **IDC_INSTANCE_ARN** <now>')).toBe('Set AWS\\_REGION and **IDC\\_INSTANCE\\_ARN** \\<now\\>');
    expect(markdownToCard('- `kb <id>`: show it')).toBe('- kb \\<id\\>: show it');
  });
});
