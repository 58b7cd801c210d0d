import type { AdaptiveCard } from '../../src/teams/adaptive-card';
import { personalMessage } from '../teams/teams-activities';
import { cardActions, cardOf, cardText, startTeams, type TeamsHarness } from '../teams/teams-harness';
import { CONVERSATIONS, type Expected } from './conversations';

/** How a Teams card shows what the reply is: the article it names, or the kind its shape gives away. */
function readBack(card: AdaptiveCard): Expected {
  // Answers name their article in the small print: "… · article <id>" or "Article <id> · source section …".
  const smallPrint = card.body.map((e) => (e.type === 'TextBlock' && e.isSubtle ? e.text.replace(/\\(.)/g, '$1') : '')).join('\n');
  const article = /\b[Aa]rticle ([a-z0-9]+(?:-[a-z0-9]+)*)\b/.exec(smallPrint)?.[1];
  if (article) return { article };
  const heading = card.body.find((e) => e.type === 'TextBlock' && e.style === 'heading');
  const title = heading && heading.type === 'TextBlock' ? heading.text.replace(/\\(.)/g, '$1') : '';
  if (['Outside what I know', 'An IAM Identity Center problem I have no article for'].includes(title)) return { kind: 'unknown' };
  const choices = cardActions(card).filter((a) => (a as { data?: { action?: string } }).data?.action === 'clarify.choose');
  if (title === 'Which one looks like your problem?' && choices.length >= 2) return { kind: 'clarify' };
  if (cardActions(card).length === 0 && ['IAM Identity Center assistant', 'Knowledge base'].includes(title)) return { kind: 'help' };
  return { kind: 'notice' };
}

describe('contract: conversations through the Teams edge (personal chat, real HTTP)', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeams();
  });
  afterAll(() => h.close());
  beforeEach(() => h.connector.calls.splice(0));

  it.each(CONVERSATIONS.map((c) => [c[0].slice(0, 60) || '(empty)', ...c] as const))('%s', async (_title, says, expected, mustContain) => {
    const res = await h.post(personalMessage(h.connector.url, says));
    expect(res.status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    const card = cardOf(call!);
    expect(card.version).toBe('1.5');
    expect(readBack(card)).toEqual(expected);
    expect(cardText(card)).toContain(mustContain);
  });
});
