import type { Article } from '../../knowledge/article';
import type { MatchResult } from '../../match/matcher';
import { encodeAction } from '../commands/action-payload';
import { percent, truncationNote } from './compose-answer';
import type { Action, Block, Reply } from './reply';
import { SAML_PASTE_WARNING } from './saml-paste-warning';
import { truncate } from '../text/truncate';

const ESCALATE = (messageHash: string, articleId?: string): Action => ({
  id: 'escalate',
  label: 'Escalate',
  value: encodeAction({ h: messageHash, ...(articleId ? { a: articleId } : {}) }),
  style: 'danger',
});

/** Two or three articles are close: ask which one, with a button each. The choice opens it and is recorded. */
export function composeClarify(result: MatchResult, articles: ReadonlyMap<string, Article>, messageHash: string): Reply {
  const options = result.clarify.map((id) => articles.get(id)).filter((a): a is Article => a !== undefined);
  const lines = options.map((a) => `- **${a.title}**: ${a.summary}`);
  const blocks: Block[] = [
    { type: 'heading', text: 'Which one looks like your problem?' },
    { type: 'markdown', text: lines.join('\n') },
    {
      type: 'actions',
      actions: [
        ...options.map((a): Action => ({ id: 'clarify.choose', label: truncate(a.title, 70), value: encodeAction({ a: a.id, h: messageHash }) })),
        ESCALATE(messageHash),
      ],
    },
  ];
  const note = truncationNote(result);
  blocks.push({ type: 'context', text: ['None of these? Escalate to the support team, or `kb` lists every article.', note].filter(Boolean).join('\n') });
  const text = ['Which one looks like your problem?', ...options.map((a, i) => `${i + 1}. ${a.title} (kb ${a.id})`)].join('\n');
  return { kind: 'clarify', text, blocks, visibility: 'public' };
}

/** What the assistant can still do for this message: checks that apply to what it names. */
function offers(result: MatchResult, live: boolean): string[] {
  const out: string[] = [];
  const who = result.entities.emails[0] ?? result.entities.userNames[0];
  if (live && who) out.push(`\`check user ${who.slice(0, 60)}\` and \`trail ${who.slice(0, 60)}\` look the user up in the Identity Store and CloudTrail (for people allowed to run lookups)`);
  else if (live) out.push('`check user <name or e-mail>` and `trail <user>` look a user up in the Identity Store and CloudTrail (for people allowed to run lookups)');
  out.push(`\`check saml\` lints a SAML response. ${SAML_PASTE_WARNING}`);
  out.push('`check scim` lints a SCIM payload or PATCH body your identity provider sent');
  return out;
}

/** An IAM Identity Center problem with no article: say so plainly, offer what applies, and escalation with the context. */
export function composeUndocumented(result: MatchResult, messageHash: string, live: boolean): Reply {
  const near = result.matches.slice(0, 2).map((m) => `\`kb ${m.articleId}\` (${percent(m.confidence)})`);
  const blocks: Block[] = [
    { type: 'heading', text: 'An IAM Identity Center problem I have no article for' },
    { type: 'markdown', text: "This looks like an IAM Identity Center problem, but none of my articles clearly covers it, so I won't guess. Here is what I can do:" },
    { type: 'markdown', text: [...offers(result, live), ...(near.length ? [`read the nearest article${near.length > 1 ? 's' : ''}, not close enough to claim: ${near.join(', ')}`] : [])].map((o) => `- ${o}`).join('\n') },
    { type: 'context', text: ['Escalate hands this thread to the support team with your message and what I checked.', truncationNote(result)].filter(Boolean).join('\n') },
    { type: 'actions', actions: [ESCALATE(messageHash)] },
  ];
  return { kind: 'unknown', text: 'This looks like an IAM Identity Center problem I have no article for. Escalate to the support team, or run a check.', blocks, visibility: 'public' };
}

/** Asked, but not IAM Identity Center (or nothing readable): a short "outside what I know, here is what I can do". */
export function composeOutside(result: MatchResult, articles: ReadonlyMap<string, Article>, messageHash: string): Reply {
  const reason =
    result.silence === 'empty'
      ? 'Your message is empty. Paste the error text, a CloudTrail event, or describe what the user sees.'
      : result.silence === 'binary'
        ? 'Your message looks like binary data, not text. Paste the error as text, or attach the file as a text file.'
        : result.silence === 'unrelated-error'
          ? 'This looks like an AWS error outside IAM Identity Center (for example an expired CLI session or an AssumeRole denial), so I have no article for it.'
          : "This doesn't look like an IAM Identity Center problem, so it is outside what I know.";
  const blocks: Block[] = [
    { type: 'heading', text: 'Outside what I know' },
    { type: 'markdown', text: reason },
    { type: 'markdown', text: 'I can help with IAM Identity Center errors (paste them as they appear), `check saml`, `check scim`, `check user <name>`, and `kb` for the list of articles. `help` shows every command.' },
  ];
  const weak = result.matches.slice(0, 2).filter((m) => articles.has(m.articleId));
  if (weak.length > 0) {
    blocks.push({ type: 'context', text: `Nearest articles, not close enough to claim: ${weak.map((m) => `\`${m.articleId}\` (${percent(m.confidence)})`).join(', ')}` });
  }
  const note = truncationNote(result);
  if (note) blocks.push({ type: 'context', text: note });
  blocks.push({ type: 'actions', actions: [ESCALATE(messageHash)] });
  return { kind: 'unknown', text: `Outside what I know. ${reason}`, blocks, visibility: 'public' };
}
