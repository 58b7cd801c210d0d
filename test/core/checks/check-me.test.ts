import { DENY_ALL, type LookupPolicy } from '../../../src/core/checks/authorize-lookup';
import type { CheckReport } from '../../../src/core/checks/checks';
import type { Actor } from '../../../src/core/input';
import { StaticPeople, type People } from '../../../src/core/ports/people';
import { MemoryStore } from '../../../src/core/ports/memory-store';
import { renderText } from '../../../src/render/render-text';
import { buildAssistant, buildInput } from '../../helpers/builders';
import { stubLiveChecks } from '../../helpers/stub-live-checks';

const report = (check: CheckReport['check'], subject: string): CheckReport => ({
  check,
  subject,
  found: true,
  personalData: true,
  findings: [{ code: 'user-found', severity: 'ok', detail: `Found ${subject}.` }],
});

function setup(policy: Partial<LookupPolicy>, people: People) {
  const { live, calls } = stubLiveChecks(async (check, subject) => report(check, subject));
  const audit = new MemoryStore();
  const assistant = buildAssistant({ articles: [], live, audit, people, lookupPolicy: { ...DENY_ALL, ...policy } });
  return { assistant, calls, audit };
}

/** No e-mail on the actor: the core has to ask People, as a chat edge leaves it. */
const alice: Actor = { platform: 'slack', id: 'U0ALICE' };
const teamsAlice: Actor = { platform: 'teams', id: 'aad-alice' };
const people = new StaticPeople({}, { U0ALICE: 'Alice@Example.com', 'aad-alice': 'alice@example.com' });
/** As the edges hand it over: Slack conversations carry Slack's command prefix, Teams ones none. */
const ask = (text: string, actor: Actor = alice) =>
  buildInput(text, 'command', { actor, conversation: { platform: actor.platform, channelId: 'C0TEST', ...(actor.platform === 'slack' ? { commandPrefix: '/idc ' } : {}) } });

describe('check me: the user check on the asker themself', () => {
  it.each([['check me'], ['check user me'], ['CHECK ME']])('"%s" runs for an allowed self-service user on the e-mail People gives', async (text) => {
    const { assistant, calls, audit } = setup({ selfService: true }, people);
    const reply = await assistant.handle(ask(text));
    expect(calls).toEqual(['user:Alice@Example.com']);
    expect(reply).toMatchObject({ kind: 'check', visibility: 'private' });
    expect(renderText(reply!)).toContain('Found Alice@Example.com.');
    expect(audit.audit.map((e) => [e.actor.id, e.check, e.subject, e.outcome, e.detail?.split(';')[0]])).toEqual([['U0ALICE', 'user', 'Alice@Example.com', 'allowed-ok', 'self']]);
  });

  it('works the same on Teams', async () => {
    const { assistant, calls } = setup({ selfService: true }, people);
    await assistant.handle(ask('check me', teamsAlice));
    expect(calls).toEqual(['user:alice@example.com']);
  });

  it('uses the e-mail on the actor when the edge already knows it', async () => {
    const { assistant, calls } = setup({ selfService: true }, new StaticPeople({}));
    await assistant.handle(ask('check me', { ...alice, email: 'a.lice@example.com' }));
    expect(calls).toEqual(['user:a.lice@example.com']);
  });

  it('denies a self-service user who names someone else, and looks nothing up', async () => {
    const { assistant, calls, audit } = setup({ selfService: true }, people);
    const reply = await assistant.handle(ask('check user bob@example.com'));
    expect(calls).toEqual([]);
    expect(renderText(reply!)).toMatch(/You may only look up yourself/);
    expect(audit.audit.map((e) => [e.subject, e.outcome, e.detail])).toEqual([['bob@example.com', 'denied', 'not-self']]);
  });

  it('denies `check me` without self-service or access, like any lookup', async () => {
    const { assistant, calls } = setup({}, people);
    const reply = await assistant.handle(ask('check me'));
    expect(calls).toEqual([]);
    expect(renderText(reply!)).toMatch(/not allowed to run live lookups/);
  });

  it.each([
    ['slack', alice, '/idc check user <your e-mail>'],
    ['teams', teamsAlice, 'check user <your e-mail>'],
  ] as const)('on %s, when the platform cannot tell the e-mail, says what is missing and what to type instead', async (_platform, actor, instead) => {
    const { assistant, calls, audit } = setup({ selfService: true }, new StaticPeople({}));
    const reply = await assistant.handle(ask('check me', actor));
    expect(reply).toMatchObject({ kind: 'notice', visibility: 'private' });
    const text = renderText(reply!);
    expect(text).toMatch(/I do not know your e-mail/);
    expect(text).toContain(`Type ${instead} instead`);
    expect(calls).toEqual([]);
    expect(audit.audit).toEqual([]);
  });

  it('treats a failing People lookup as an unknown e-mail', async () => {
    const failing: People = { groupsOf: async () => [], emailOf: async () => Promise.reject(new Error('users.info failed')) };
    const { assistant, calls } = setup({ selfService: true }, failing);
    expect(renderText((await assistant.handle(ask('check me')))!)).toMatch(/I do not know your e-mail/);
    expect(calls).toEqual([]);
  });
});
