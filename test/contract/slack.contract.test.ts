import { startSlackApp, type SlackHarness } from '../slack/slack-harness';
import { textsOf } from '../helpers/fake-slack';
import { eventCallback, messageEvent, nextTs } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { CONVERSATIONS, type Expected } from './conversations';

type Block = { type: string; text?: { text: string }; elements?: Array<{ type?: string; action_id?: string; text?: string | { text: string } }> };

/** How Slack blocks show what the reply is: the article the context line names, or the kind its shape gives away. */
function readBack(blocks: Block[]): Expected {
  const context = blocks
    .filter((b) => b.type === 'context')
    .flatMap((b) => b.elements ?? [])
    .map((e) => (typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))
    .join('\n');
  const article = /\b[Aa]rticle `?([a-z0-9]+(?:-[a-z0-9]+)*)`?/.exec(context)?.[1];
  if (article) return { article };
  const title = blocks.find((b) => b.type === 'header')?.text?.text ?? '';
  const unknownTitles = ['Outside what I know', 'An IAM Identity Center problem I have no article for'];
  if (unknownTitles.includes(title)) return { kind: 'unknown' };
  // A question offers one button per article, each action id unique within its block (clarify.choose, clarify.choose#2, …).
  const choices = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : [])).filter((e) => String(e.action_id).split('#')[0] === 'clarify.choose');
  if (title === 'Which one looks like your problem?' && choices.length >= 2 && new Set(choices.map((e) => e.action_id)).size === choices.length) return { kind: 'clarify' };
  if (!blocks.some((b) => b.type === 'actions') && ['IAM Identity Center assistant', 'Knowledge base'].includes(title)) return { kind: 'help' };
  return { kind: 'notice' };
}

describe('contract: conversations through the Slack edge (DM, real HTTP)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackApp();
  });
  afterAll(() => h.close());
  beforeEach(() => h.fake.reset());

  it.each(CONVERSATIONS.map((c) => [c[0].slice(0, 60) || '(empty)', ...c] as const))('%s', async (_title, says, expected, mustContain) => {
    const ts = nextTs();
    const res = await sendSigned(h.events, eventCallback(messageEvent({ channel: 'D0DM', channel_type: 'im', text: says, ts })).body);
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.posts().length === 1);
    const post = h.fake.posts()[0]!;
    expect(readBack(post.args.blocks as Block[])).toEqual(expected);
    expect(textsOf(post.args).replace(/&#39;|&amp;|\*/g, (m) => ({ '&#39;': "'", '&amp;': '&', '*': '' })[m]!)).toContain(mustContain.replace(/\*/g, ''));
  });
});
