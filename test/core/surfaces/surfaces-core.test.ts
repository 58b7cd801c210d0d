import { MemoryStore } from '../../../src/core/ports/memory-store';
import { silentLogger } from '../../../src/core/ports/ports';
import { buildHome } from '../../../src/core/surfaces/build-home';
import { composeSearchResults } from '../../../src/core/surfaces/compose-search-results';
import { searchKnowledge } from '../../../src/core/surfaces/search-knowledge';
import { suggestedPrompts } from '../../../src/core/surfaces/suggested-prompts';
import { buildAssistant, shippedArticles } from '../../helpers/builders';
import { FakeClock } from '../../helpers/fake-clock';

const PROTECTED_ROLE = "Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";

describe('knowledge base search', () => {
  const assistant = buildAssistant();
  const search = (q: string, limit = 5) => searchKnowledge(assistant.matcher, assistant.articles, q, limit);

  it('ranks with the matcher: an error text finds its article first, with the confidence', () => {
    const [first] = search(PROTECTED_ROLE);
    expect(first).toMatchObject({ articleId: 'protected-role-awsreservedsso', how: { by: 'matcher' } });
    expect(first!.how.by === 'matcher' && first!.how.confidence).toBeGreaterThan(0.5);
  });

  it('falls back to a word filter on ids, titles and tags when the matcher finds nothing', () => {
    const hits = search('scim');
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits.every((h) => h.how.by === 'words')).toBe(true);
    expect(hits.map((h) => h.articleId)).toEqual(expect.arrayContaining(['scim-duplicate-conflict', 'scim-sync-user-fails']));
    expect(search('scim okta').map((h) => h.articleId)).toEqual(['scim-sync-user-fails']);
  });

  it('lists the first articles for an empty query and nothing for words no article has', () => {
    expect(search('   ', 3)).toHaveLength(3);
    expect(search('zzqx-nothing-like-this')).toEqual([]);
  });

  it('puts the query only in a plain-text block and offers an Open button per hit', () => {
    const reply = composeSearchResults('*bold* <@U1>', search('scim', 2));
    expect(reply.blocks).toContainEqual({ type: 'text', text: 'Searched for: *bold* <@U1>' });
    expect(reply.blocks.filter((b) => b.type === 'actions')).toHaveLength(2);
    expect(JSON.stringify(reply.blocks.filter((b) => b.type === 'markdown'))).not.toContain('<@U1>');
  });
});

describe('suggested prompts', () => {
  it('offers at most four, each a message the assistant answers as it is', async () => {
    const prompts = suggestedPrompts(shippedArticles());
    expect(prompts.map((p) => p.title)).toEqual(['Paste an error', 'Check a user', 'Lint a SAML response', 'Open escalations']);
    const assistant = buildAssistant();
    for (const p of prompts) {
      const reply = await assistant.handle({ text: p.message, trigger: 'dm', actor: { platform: 'slack', id: 'U1' }, conversation: { platform: 'slack', channelId: 'D1' } });
      expect(reply?.kind).not.toBe('unknown');
    }
  });
});

describe('home page', () => {
  const articles = buildAssistant().articles;
  const clock = new FakeClock('2026-06-30T12:00:00Z');
  const day = 24 * 3600 * 1000;
  const actor = { platform: 'slack' as const, id: 'U1', name: 'asker' };

  async function seeded() {
    const store = new MemoryStore();
    await store.recordAnswer({ articleId: 'protected-role-awsreservedsso', confidence: 0.9, messageHash: 'h1', platform: 'slack', at: new Date(clock.now().getTime() - 2 * day) });
    await store.recordAnswer({ articleId: 'protected-role-awsreservedsso', confidence: 0.9, messageHash: 'h2', platform: 'slack', at: new Date(clock.now().getTime() - 40 * day) });
    await store.recordFeedback({ articleId: 'protected-role-awsreservedsso', messageHash: 'h1', helpful: true, actor, at: new Date(clock.now().getTime() - day) });
    for (const text of ['first', 'second']) {
      await store.openEscalation({ requester: actor, origin: { platform: 'slack', channelId: 'C1', threadId: text }, originKey: text, text, checks: [] }, new Date(clock.now().getTime() - 3600_000));
    }
    return store;
  }

  it('shows the support team open escalations oldest first with Claim buttons, and 30-day stats', async () => {
    const home = await buildHome({ store: await seeded(), articles, clock, logger: silentLogger }, { support: true });
    const esc = JSON.stringify(home.escalations);
    expect(esc.indexOf('ESC-1001')).toBeLessThan(esc.indexOf('ESC-1002'));
    const claims = home.escalations!.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    expect(claims.map((a) => [a.id, JSON.parse(a.value).e])).toEqual([['escalation.claim', 'ESC-1001'], ['escalation.claim', 'ESC-1002']]);
    expect(JSON.stringify(home.stats)).toContain('1 answer · 100% helpful (1 vote)');
  });

  it('shows no escalations to others, and survives a store that does not answer', async () => {
    const store = await seeded();
    expect((await buildHome({ store, articles, clock, logger: silentLogger }, { support: false })).escalations).toBeUndefined();
    const broken = { articleStats: () => Promise.reject(new Error('down')), listEscalations: () => Promise.reject(new Error('down')) } as unknown as MemoryStore;
    const home = await buildHome({ store: broken, articles, clock, logger: silentLogger }, { support: true });
    expect(JSON.stringify(home.escalations)).toMatch(/Could not read the escalations/);
    expect(JSON.stringify(home.stats)).toMatch(/Could not read the answer statistics/);
    expect(home.about.length).toBeGreaterThan(0);
  });

  it('lists at most 15 escalations and says there are more', async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 17; i++) await store.openEscalation({ requester: actor, origin: { platform: 'slack', channelId: 'C1' }, text: `t${i}`, checks: [] }, clock.now());
    const home = await buildHome({ store, articles, clock, logger: silentLogger }, { support: true });
    expect(home.escalations!.filter((b) => b.type === 'findings')).toHaveLength(15);
    expect(JSON.stringify(home.escalations)).toMatch(/Open escalations \(15\+\)/);
  });
});


