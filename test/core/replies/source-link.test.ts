import { composeAnswer, composeArticle } from '../../../src/core/replies/compose-answer';
import type { Block, Reply } from '../../../src/core/replies/reply';
import type { MatchResult } from '../../../src/match/matcher';
import { renderHtml } from '../../../src/render/render-html';
import { renderText } from '../../../src/render/render-text';
import { renderBlocks, type SlackBlock } from '../../../src/slack/render-blocks';
import { renderCard } from '../../../src/teams/render-card';
import { shippedArticles } from '../../helpers/builders';

const articles = shippedArticles();
const byId = new Map(articles.map((a) => [a.id, a]));

function matchOf(articleId: string): MatchResult {
  const article = byId.get(articleId)!;
  return {
    matches: [{ articleId, title: article.title, confidence: 0.9, evidence: [{ kind: 'symptom', text: article.symptoms[0]! }] }],
    entities: { emails: [], userNames: [] },
    truncated: false,
    inputChars: 10,
  } as unknown as MatchResult;
}

type AnySlackBlock = SlackBlock & { elements?: Array<{ text?: string }> };
const slackText = (b: SlackBlock) => JSON.stringify(b);

/** Each surface's rendering of a reply, and the text of its last element (where the source must be). */
function surfaces(reply: Reply) {
  const slack = renderBlocks(reply).blocks as AnySlackBlock[];
  const card = renderCard(reply);
  const text = renderText(reply);
  const html = renderHtml(reply);
  return {
    slackLast: slackText(slack[slack.length - 1]!),
    teamsLast: JSON.stringify(card.body[card.body.length - 1]),
    textLast: text.split('\n').pop()!,
    htmlLast: html.slice(html.lastIndexOf('<p class="source">')),
    fallback: reply.text.split('\n').pop()!,
  };
}

describe('every answer ends with its source link', () => {
  it.each(articles.map((a) => [a.id]))('%s, on Slack, Teams, text and HTML', (id) => {
    const article = byId.get(id)!;
    const source = article.sources[0]!;
    expect(source.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(source.title).toMatch(/^AWS docs: /);
    for (const reply of [composeAnswer(article, matchOf(id), byId, 'h'), composeArticle(article)]) {
      const last = reply.blocks[reply.blocks.length - 1] as Extract<Block, { type: 'source' }>;
      expect(last).toEqual({ type: 'source', title: source.title, url: source.url });
      const s = surfaces(reply);
      expect(s.slackLast).toContain(`Source: <${source.url.replace(/&/g, '&amp;')}|`);
      expect(s.teamsLast).toContain(`](${source.url})`);
      expect(s.textLast).toBe(`Source: ${source.title} (${source.url})`);
      expect(s.htmlLast).toMatch(new RegExp(`^<p class="source">Source: <a href="${source.url.replace(/[.?*+^$()[\]\\|{}]/g, '\\$&')}" rel="noopener noreferrer">`));
      expect(s.fallback).toBe(`Source: ${source.title} (${source.url})`);
    }
  });

  it('escapes the title on each surface', () => {
    const reply: Reply = {
      kind: 'answer',
      text: 'x',
      visibility: 'public',
      blocks: [{ type: 'source', title: 'AWS docs: A <b>&</b> | [x]', url: 'https://docs.aws.amazon.com/a(b)?c=1&d=2' }],
    };
    expect(JSON.stringify(renderBlocks(reply).blocks[0])).toContain('Source: <https://docs.aws.amazon.com/a(b)?c=1&amp;d=2|AWS docs: A &lt;b&gt;&amp;&lt;/b&gt; ¦ [x]>');
    expect(JSON.stringify(renderCard(reply).body[0])).toContain('Source: [AWS docs: A \\\\<b\\\\>&\\\\</b\\\\> | \\\\[x\\\\]](https://docs.aws.amazon.com/a%28b%29?c=1&d=2)');
    expect(renderHtml(reply)).toContain('<a href="https://docs.aws.amazon.com/a(b)?c=1&amp;d=2" rel="noopener noreferrer">AWS docs: A &lt;b&gt;&amp;&lt;/b&gt; | [x]</a>');
  });

  it('keeps the source line when a long reply is trimmed (Slack 50 blocks, Teams card size)', () => {
    const long: Reply = {
      kind: 'answer',
      text: 'x',
      visibility: 'public',
      blocks: [
        ...Array.from({ length: 80 }, (_, i): Block => ({ type: 'text', text: `${i} ${'y'.repeat(2_900)}` })),
        { type: 'actions', actions: [{ id: 'escalate', label: 'Escalate', value: '{}' }] },
        { type: 'source', title: 'AWS docs: Kept', url: 'https://docs.aws.amazon.com/kept' },
      ],
    };
    const slack = renderBlocks(long).blocks;
    expect(slack).toHaveLength(50);
    expect(slack.slice(-2).map((b) => b.type)).toEqual(['actions', 'context']);
    expect(slackText(slack[49]!)).toContain('https://docs.aws.amazon.com/kept|AWS docs: Kept');
    const card = renderCard(long);
    expect(JSON.stringify(card.body[card.body.length - 1])).toContain('https://docs.aws.amazon.com/kept');
  });
});
