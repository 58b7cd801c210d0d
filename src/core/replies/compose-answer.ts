import type { Article } from '../../knowledge/article';
import type { Match, MatchResult } from '../../match/matcher';
import { CANDIDATE_THRESHOLD, MAX_MATCH_CHARS } from '../../match/index';
import type { Action, Block, Reply } from './reply';
import { encodeAction } from '../commands/action-payload';
import { LIVE_CHECKS } from '../checks/live-check-registry';
import { truncate } from '../text/truncate';

/** Percent, for people: 0.873 → "87%". */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function describeEvidence(match: Match): string {
  const e = match.evidence[0];
  if (!e) return 'related words';
  const what = truncate(e.text, 90);
  switch (e.kind) {
    case 'signature':
      return `the error text “${what}”`;
    case 'partial-signature':
      return `part of the error text “${what}”`;
    case 'event':
      return `the CloudTrail event ${what}`;
    case 'symptom':
      return `a description like “${what}”`;
    case 'example':
      return `a real report like yours (${what})`;
  }
}

/** Buttons under an answer: feedback, the most useful check for what the message names, escalate. */
function answerActions(article: Article, result: MatchResult, messageHash: string): Action[] {
  const actions: Action[] = [
    { id: 'feedback.helpful', label: 'Helpful', value: encodeAction({ a: article.id, h: messageHash }) },
    { id: 'feedback.not_helpful', label: 'Not helpful', value: encodeAction({ a: article.id, h: messageHash }) },
  ];
  const who = result.entities.emails[0] ?? result.entities.userNames[0];
  // The first live check (registry order) the article names, for the person the message names.
  const check = who ? LIVE_CHECKS.find((c) => article.checks.includes(c.name)) : undefined;
  if (who && check) actions.push({ id: 'check.run', label: check.button(short(who)), value: encodeAction({ c: check.name, s: who }) });
  actions.push({ id: 'escalate', label: 'Escalate', value: encodeAction({ a: article.id, h: messageHash }), style: 'danger' });
  return actions;
}

/**
 * The link every answer ends with: the article's first source (AWS documentation first). Articles
 * without sources (an operator's, not yet linted) get none rather than a made-up link.
 */
function sourceBlocks(article: Article): Block[] {
  const first = article.sources[0];
  return first ? [{ type: 'source', title: first.title, url: first.url }] : [];
}

function sourceLine(article: Article): string[] {
  const first = article.sources[0];
  return first ? [`Source: ${first.title} (${first.url})`] : [];
}

function short(s: string): string {
  return truncate(s, 40);
}

export function truncationNote(result: MatchResult): string | undefined {
  if (!result.truncated) return undefined;
  return `Your message has ${result.inputChars.toLocaleString('en-US')} characters; I read the first ${MAX_MATCH_CHARS.toLocaleString('en-US')}.`;
}

/** The answer for a recognised problem: title, one-line cause, numbered steps, why, and actions. */
export function composeAnswer(
  article: Article,
  result: MatchResult,
  articles: ReadonlyMap<string, Article>,
  messageHash: string,
  chosen = false,
): Reply {
  const best = result.matches.find((m) => m.articleId === article.id) ?? { articleId: article.id, title: article.title, confidence: 1, evidence: [] };
  const blocks: Block[] = [
    { type: 'heading', text: article.title },
    { type: 'markdown', text: `**Likely cause:** ${article.summary}` },
    { type: 'steps', items: article.steps },
    { type: 'markdown', text: `**When to escalate:** ${article.escalate}` },
  ];
  const others = (chosen ? [] : result.matches.slice(1))
    .filter((m) => m.confidence >= CANDIDATE_THRESHOLD && best.confidence - m.confidence < 0.25);
  if (others.length > 0) {
    const list = others.map((m) => `- ${articles.get(m.articleId)?.title ?? m.articleId} (\`${m.articleId}\`, ${percent(m.confidence)})`);
    blocks.push({ type: 'markdown', text: `**Could also be:**\n${list.join('\n')}` });
  }
  const context = [chosen ? `You chose this article · article \`${article.id}\`` : `Matched ${describeEvidence(best)} · confidence ${percent(best.confidence)} · article \`${article.id}\``];
  const note = truncationNote(result);
  if (note) context.push(note);
  blocks.push({ type: 'context', text: context.join('\n') });
  blocks.push({ type: 'actions', actions: answerActions(article, result, messageHash) });
  blocks.push(...sourceBlocks(article));
  const text = [
    article.title,
    `Likely cause: ${article.summary}`,
    ...article.steps.map((s, i) => `${i + 1}. ${s}`),
    ...sourceLine(article),
  ].join('\n');
  return { kind: 'answer', text, blocks, visibility: 'public', articleId: article.id };
}

/** The whole article, for `kb <id>`. */
export function composeArticle(article: Article): Reply {
  const blocks: Block[] = [
    { type: 'heading', text: article.title },
    { type: 'markdown', text: `**Cause**\n${article.cause}` },
    { type: 'steps', items: article.steps },
    { type: 'markdown', text: `**When to escalate:** ${article.escalate}` },
    { type: 'context', text: `Article \`${article.id}\` · source section: ${article.section}` },
    ...sourceBlocks(article),
  ];
  return {
    kind: 'answer',
    text: [article.title, article.cause, ...article.steps.map((s, i) => `${i + 1}. ${s}`), ...sourceLine(article)].join('\n'),
    blocks,
    visibility: 'public',
    articleId: article.id,
  };
}
