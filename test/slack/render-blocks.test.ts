import fc from 'fast-check';
import type { Block, Reply } from '../../src/core/replies/reply';
import { renderBlocks, type SlackBlock } from '../../src/slack/render-blocks';
import { textsOf } from '../helpers/fake-slack';

const reply = (blocks: Block[], text = 'fallback'): Reply => ({ kind: 'answer', text, blocks, visibility: 'public' });
type AnyBlock = SlackBlock & { text?: { type: string; text: string; verbatim?: boolean }; fields?: Array<{ text: string }>; elements?: Array<Record<string, unknown>> };
const render = (blocks: Block[], text?: string) => renderBlocks(reply(blocks, text)).blocks as AnyBlock[];

describe('renderBlocks (Block Kit)', () => {
  it('renders every neutral block type', () => {
    const out = render([
      { type: 'heading', text: 'Title' },
      { type: 'markdown', text: 'para' },
      { type: 'text', text: 'plain' },
      { type: 'steps', items: ['one', 'two'] },
      { type: 'facts', items: [{ label: 'User', value: 'alice' }] },
      { type: 'findings', items: [{ status: 'fail', title: 'No e-mail', detail: 'empty', article: 'scim-sync-user-fails' }] },
      { type: 'quote', text: 'q' },
      { type: 'code', text: 'c' },
      { type: 'context', text: 'ctx' },
      { type: 'actions', actions: [{ id: 'escalate', label: 'Escalate', value: '{}', style: 'danger' }] },
      { type: 'divider' },
    ]);
    expect(out.map((b) => b.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'section', 'section', 'section', 'context', 'actions', 'divider']);
    expect(out[2]!.text).toEqual({ type: 'plain_text', text: 'plain', emoji: false });
    expect(out[3]!.text!.text).toBe('1. one\n2. two');
    expect(out[4]!.fields).toEqual([
      { type: 'mrkdwn', text: '*User*', verbatim: true },
      { type: 'plain_text', text: 'alice', emoji: false },
    ]);
    expect(out[5]!.text).toEqual({ type: 'plain_text', text: '❌ No e-mail — empty (kb scim-sync-user-fails)', emoji: false });
    expect(out[6]!.text!.text).toBe('> q');
    expect(out[7]!.text!.text).toBe('```\nc\n```');
    expect(out[9]!.elements).toEqual([{ type: 'button', action_id: 'escalate', text: { type: 'plain_text', text: 'Escalate', emoji: false }, value: '{}', style: 'danger' }]);
  });

  it('converts neutral Markdown to mrkdwn and escapes the text around the marks', () => {
    const [b] = render([{ type: 'markdown', text: '**Likely cause:** a & b <c>\n- _one_ `x<y`\n- see [the guide](https://docs.aws.amazon.com/a?b=1&c=2)' }]);
    expect(b!.text).toEqual({
      type: 'mrkdwn',
      verbatim: true,
      text: '*Likely cause:* a &amp; b &lt;c&gt;\n• _one_ `x&lt;y`\n• see <https://docs.aws.amazon.com/a?b=1&amp;c=2|the guide>',
    });
  });

  it('escapes untrusted text so it cannot mention, ping or link', () => {
    const hostile = '<!channel> <@U123> <!subteam^S1|@oncall> <https://evil.example|click> & more';
    const out = renderBlocks(
      reply(
        [
          { type: 'text', text: hostile },
          { type: 'quote', text: `${hostile}\nsecond line` },
          { type: 'code', text: hostile },
          { type: 'facts', items: [{ label: 'Name', value: hostile }] },
          { type: 'findings', items: [{ status: 'warn', title: hostile, detail: hostile }] },
          { type: 'actions', actions: [{ id: 'check.run', label: `Check ${hostile}`, value: '{}' }] },
        ],
        hostile,
      ),
    );
    const all = textsOf(out);
    // No markup but our own: `>` only as the quote mark at the start of a line.
    expect(all).not.toMatch(/<|.>/);
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).not.toMatch(/&(?!amp;|lt;|gt;)/);
    const quote = (out.blocks[1] as AnyBlock).text!.text;
    expect(quote.split('\n').every((l) => l.startsWith('>'))).toBe(true);
  });

  it('keeps a pasted ``` from closing the code block', () => {
    const [b] = render([{ type: 'code', text: 'before\n```\n*now bold* <!here>\n```' }]);
    const body = b!.text!.text.slice(4, -4);
    expect(body).not.toContain('```');
    expect(b!.text!.text.startsWith('```\n') && b!.text!.text.endsWith('\n```')).toBe(true);
  });

  it('splits long text into sections of at most 3,000 characters on line boundaries', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `line ${i} ${'x'.repeat(90)}`);
    const out = render([{ type: 'markdown', text: lines.join('\n') }]);
    expect(out.length).toBeGreaterThan(3);
    for (const b of out) {
      expect(b.text!.text.length).toBeLessThanOrEqual(3_000);
      for (const l of b.text!.text.split('\n')) expect(lines).toContain(l);
    }
    expect(out.map((b) => b.text!.text).join('\n')).toBe(lines.join('\n'));
  });

  it('cuts a single huge line at a space, never inside an entity', () => {
    const out = render([{ type: 'text', text: '&'.repeat(2_000) + ' word'.repeat(1_000) }]);
    for (const b of out) {
      expect(b.text!.text.length).toBeLessThanOrEqual(3_000);
      expect(b.text!.text).not.toMatch(/&(a|am)?$|^(mp|p)?;/);
    }
  });

  it('fences each piece of a long code block', () => {
    const out = render([{ type: 'code', text: Array.from({ length: 400 }, (_, i) => `log line ${i} ${'y'.repeat(40)}`).join('\n') }]);
    expect(out.length).toBeGreaterThan(1);
    for (const b of out) {
      expect(b.text!.text.length).toBeLessThanOrEqual(3_000);
      expect(b.text!.text).toMatch(/^```\n[\s\S]*\n```$/);
    }
  });

  it('keeps headers within 150 characters after escaping, and button text within 75', () => {
    const [h] = render([{ type: 'heading', text: '<&>'.repeat(60) }]);
    expect(h!.text!.text.length).toBeLessThanOrEqual(150);
    expect(h!.text!.text.endsWith('…')).toBe(true);
    expect(h!.text!.text).not.toMatch(/&(a|am|l|g)?…$/);
    const [a] = render([{ type: 'actions', actions: [{ id: 'check.run', label: 'Check user '.padEnd(200, 'z'), value: '{}' }] }]);
    expect((a!.elements![0]!.text as { text: string }).text.length).toBeLessThanOrEqual(75);
    expect((a!.elements![0]!.text as { text: string }).text.length).toBeGreaterThan(70);
  });

  it('splits more than 25 buttons over several actions blocks and drops values over 2,000 characters', () => {
    const actions = Array.from({ length: 30 }, (_, i) => ({ id: 'kb.show' as const, label: `b${i}`, value: `{"a":"${i}"}` }));
    actions.push({ id: 'kb.show', label: 'too big', value: 'v'.repeat(2_001) });
    const out = render([{ type: 'actions', actions }]);
    expect(out.map((b) => b.elements!.length)).toEqual([25, 5]);
    expect(JSON.stringify(out)).not.toContain('too big');
  });

  it('puts at most 10 fields (5 facts) in a section and cuts a field at 2,000 characters', () => {
    const out = render([{ type: 'facts', items: Array.from({ length: 12 }, (_, i) => ({ label: `L${i}`, value: i === 0 ? 'v'.repeat(5_000) : 'v' })) }]);
    expect(out.map((b) => b.fields!.length)).toEqual([10, 10, 4]);
    expect(out[0]!.fields![1]!.text.length).toBeLessThanOrEqual(2_000);
    expect(out[0]!.fields![1]!.text.length).toBeGreaterThan(1_900);
  });

  it('keeps untrusted text from formatting: plain_text for values, neutralised marks in quotes', () => {
    const out = render([
      { type: 'quote', text: '*urgent* _now_ ~x~ `y`' },
      { type: 'facts', items: [{ label: 'Name', value: '*bold* <@U1>' }] },
      { type: 'findings', items: [{ status: 'warn', title: '*bold*', detail: '_it_' }] },
    ]);
    const quote = out[0]!.text!.text;
    expect(quote).not.toMatch(/[*_~`][^\u200b]/);
    expect(quote.replace(/\u200b/g, '')).toBe('> *urgent* _now_ ~x~ `y`');
    expect(out[1]!.fields![1]).toEqual({ type: 'plain_text', text: '*bold* &lt;@U1&gt;', emoji: false });
    expect(out[2]!.text!.type).toBe('plain_text');
  });

  it('keeps at most 50 blocks, says so, and keeps the buttons at the end', () => {
    const blocks: Block[] = [
      ...Array.from({ length: 80 }, (_, i): Block => ({ type: 'text', text: `paragraph ${i}` })),
      { type: 'actions', actions: [{ id: 'escalate', label: 'Escalate', value: '{}' }] },
    ];
    const out = render(blocks);
    expect(out).toHaveLength(50);
    expect(out[49]!.type).toBe('actions');
    expect(textsOf(out[48])).toMatch(/32 more parts not shown/);
    expect(out[0]!.text!.text).toBe('paragraph 0');
  });

  it('always sets a plain-text fallback, escaped and bounded', () => {
    expect(renderBlocks(reply([{ type: 'divider' }], '')).text).toBe('IAM Identity Center assistant');
    expect(renderBlocks(reply([], '<!here> x')).text).toBe('&lt;!here&gt; x');
    expect(renderBlocks(reply([], 'y'.repeat(10_000))).text.length).toBeLessThanOrEqual(3_000);
  });

  it('stays within every limit and never emits raw markup, for any untrusted text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9_000, unit: 'grapheme' }), fc.string({ maxLength: 300 }), (s, label) => {
        const { text, blocks } = renderBlocks(
          reply(
            [
              { type: 'heading', text: s.slice(0, 200) || 'h' },
              { type: 'text', text: s },
              { type: 'quote', text: s },
              { type: 'code', text: s },
              { type: 'facts', items: [{ label: 'X', value: s }] },
              { type: 'findings', items: [{ status: 'info', title: s.slice(0, 100), detail: s }] },
              { type: 'actions', actions: [{ id: 'check.run', label: label || 'x', value: '{}' }] },
            ],
            s,
          ),
        );
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(3_000);
        expect(blocks.length).toBeLessThanOrEqual(50);
        expect(textsOf({ text, blocks })).not.toMatch(/<|.>/);
        for (const b of blocks as AnyBlock[]) {
          if (b.type === 'header') expect(b.text!.text.length).toBeLessThanOrEqual(150);
          if (b.type === 'section' && b.text) expect(b.text.text.length).toBeLessThanOrEqual(3_000);
          if (b.type === 'section' && b.text) expect(b.text.text.length).toBeGreaterThan(0);
          for (const f of b.fields ?? []) expect(f.text.length).toBeLessThanOrEqual(2_000);
          for (const e of b.elements ?? []) if (e.type === 'button') expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(75);
        }
      }),
      { numRuns: 60 },
    );
  });
});
