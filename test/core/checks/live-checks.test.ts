import { DENY_ALL, type LookupPolicy } from '../../../src/core/checks/authorize-lookup';
import { StaticPeople } from '../../../src/core/ports/people';
import type { CheckReport, LiveChecks } from '../../../src/core/checks/checks';
import type { Actor } from '../../../src/core/input';
import type { Action, Reply } from '../../../src/core/replies/reply';
import { type AuditEntry } from '../../../src/core/ports/store';
import { MemoryStore } from '../../../src/core/ports/memory-store';
import { renderHtml } from '../../../src/render/render-html';
import { renderText } from '../../../src/render/render-text';
import { parseArticle } from '../../../src/knowledge/parse-article';
import { buildAssistant, buildInput, shippedArticles } from '../../helpers/builders';

/** The shipped articles plus a stand-in for the stale-principal article where it is not shipped yet. */
const STALE_ARTICLE = `---
id: stale-principal-after-recreate
title: "Assigned user or group can't access accounts after being re-created"
section: "My user is referenced in a permission set but can't access the assigned accounts or applications"
symptoms:
  - "user was deleted and re-created and lost access"
checks: [assignments]
---

## Cause
The assignment still points at the old, deleted principal id.

## Steps
1. Remove the assignment of the old principal from the account, then assign the user or group again.

## When to escalate
Escalate if reassigning does not restore access.
`;
const shipped = shippedArticles();
const articles = shipped.some((a) => a.id === 'stale-principal-after-recreate') ? shipped : [...shipped, parseArticle('stale-principal-after-recreate.md', STALE_ARTICLE)];

/** In-memory LiveChecks: answers with a canned report and records what it was asked. */
class StubLiveChecks implements LiveChecks {
  calls: string[] = [];
  constructor(private readonly make: (check: CheckReport['check'], subject: string) => CheckReport | Promise<CheckReport>) {}
  async checkUser(s: string) {
    this.calls.push(`user:${s}`);
    return this.make('user', s);
  }
  async trail(s: string) {
    this.calls.push(`trail:${s}`);
    return this.make('trail', s);
  }
  async checkAssignments(s: string) {
    this.calls.push(`assignments:${s}`);
    return this.make('assignments', s);
  }
}

const foundReport = (check: CheckReport['check'], subject: string): CheckReport => ({
  check,
  subject,
  found: true,
  personalData: true,
  findings: [
    { code: 'user-found', severity: 'ok', detail: `Found by user name: user name "${subject}", id u-1, 1 group.` },
    { code: 'multi-valued-attribute', article: 'scim-sync-user-fails', severity: 'warning', detail: '2 e-mails. <script>alert(1)</script>' },
    { code: 'stale-assignment', article: 'stale-principal-after-recreate', severity: 'error', detail: 'Account 111122223333 …', fix: 'aws sso-admin delete-account-assignment --principal-id old-1' },
  ],
  lines: ['2020-12-08 18:56 UTC  sign-in failed: password rejected (CredentialVerification)  from 203.0.113.0'],
});

const notFound = (check: CheckReport['check'], subject: string): CheckReport => ({
  check,
  subject,
  found: false,
  personalData: false,
  findings: [{ code: 'user-not-found', article: 'invalid-mfa-credentials', severity: 'error', detail: 'No user.' }],
});

const policy = (over: Partial<LookupPolicy> = {}): LookupPolicy => ({ ...DENY_ALL, ...over });
const alice: Actor = { platform: 'slack', id: 'U0ALICE', email: 'alice@example.com' };

function setup(over: { policy?: LookupPolicy; live?: StubLiveChecks; audit?: MemoryStore; groups?: StaticPeople } = {}) {
  const live = over.live ?? new StubLiveChecks(foundReport);
  const audit = over.audit ?? new MemoryStore();
  const assistant = buildAssistant({ articles, live, audit, lookupPolicy: over.policy ?? DENY_ALL, people: over.groups, clock: { now: () => new Date('2025-05-01T10:00:00Z') } });
  return { live, audit, assistant };
}

const ask = (text: string, actor: Actor = alice, conversation = { platform: 'slack' as const, channelId: 'C0TEST' }) =>
  buildInput(text, 'mention', { actor, conversation });

const auditShape = (e: AuditEntry) => [e.actor.id, e.check, e.subject, e.outcome];

describe('live checks in the core: authorise → audit → run → compose', () => {
  it('denies by default, says how to get access, records the denial and looks nothing up', async () => {
    const { live, audit, assistant } = setup();
    const reply = await assistant.handle(ask('check user bob@example.com'));
    expect(reply).toMatchObject({ kind: 'notice', visibility: 'private' });
    expect(renderText(reply!)).toMatch(/not allowed to run live lookups.*`?U0ALICE`? in `?LOOKUP_ALLOWED_USERS/s);
    expect(live.calls).toEqual([]);
    expect(audit.audit.map(auditShape)).toEqual([['U0ALICE', 'user', 'bob@example.com', 'denied']]);
    expect(audit.audit[0]!.at).toEqual(new Date('2025-05-01T10:00:00Z'));
  });

  it.each([
    ['a listed user id', policy({ allowedUsers: ['U0ALICE'] })],
    ['a platform-prefixed id', policy({ allowedUsers: ['slack:U0ALICE'] })],
  ])('runs for %s, privately, and audits the outcome', async (_name, p) => {
    const { live, audit, assistant } = setup({ policy: p });
    const reply = await assistant.handle(ask('check user bob@example.com'));
    expect(live.calls).toEqual(['user:bob@example.com']);
    expect(reply).toMatchObject({ kind: 'check', visibility: 'private', articleId: 'stale-principal-after-recreate' });
    expect(audit.audit.map(auditShape)).toEqual([['U0ALICE', 'user', 'bob@example.com', 'allowed-ok']]);
    expect(audit.audit[0]!.detail).toBe('allowed-user; found=true; user-found,multi-valued-attribute,stale-assignment');
  });

  it('does not honour a prefix for another platform', async () => {
    const { live, assistant } = setup({ policy: policy({ allowedUsers: ['teams:U0ALICE'] }) });
    await assistant.handle(ask('check user bob@example.com'));
    expect(live.calls).toEqual([]);
  });

  it('allows members of an allowed Slack user group', async () => {
    const groups = new StaticPeople({ S0IDTEAM: ['U0ALICE'] });
    const { live, audit, assistant } = setup({ policy: policy({ allowedGroups: ['S0IDTEAM'] }), groups });
    await assistant.handle(ask('trail bob@example.com'));
    expect(live.calls).toEqual(['trail:bob@example.com']);
    expect(audit.audit[0]!.detail).toMatch(/^allowed-group;/);
    const { live: live2 } = setup({ policy: policy({ allowedGroups: ['S0OTHER'] }), groups });
    expect(live2.calls).toEqual([]);
  });

  it('self-service: anyone may check themselves by their chat e-mail, and nobody else', async () => {
    const { live, audit, assistant } = setup({ policy: policy({ selfService: true }) });
    await assistant.handle(ask('check user Alice@Example.com'));
    const denied = await assistant.handle(ask('check user bob@example.com'));
    const noEmail = await assistant.handle(ask('check user alice@example.com', { platform: 'teams', id: 'aad-1' }));
    expect(live.calls).toEqual(['user:Alice@Example.com']);
    expect(renderText(denied!)).toMatch(/only look up yourself/);
    expect(noEmail?.kind).toBe('notice');
    expect(audit.audit.map((e) => `${e.outcome}:${e.detail?.split(';')[0]}`)).toEqual(['allowed-ok:self', 'denied:not-self', 'denied:not-self']);
  });

  it('shows personal data to the channel only in private support channels', async () => {
    const p = policy({ allowedUsers: ['U0ALICE'], privateSupportChannels: ['C0SUPPORT'] });
    const { assistant } = setup({ policy: p });
    const inSupport = await assistant.handle(ask('check user bob@example.com', alice, { platform: 'slack', channelId: 'C0SUPPORT' }));
    const marked = await assistant.handle(buildInput('check user bob@example.com', 'mention', { actor: alice, conversation: { platform: 'teams', channelId: 'x', privateSupport: true } }));
    const elsewhere = await assistant.handle(ask('check user bob@example.com'));
    expect([inSupport?.visibility, marked?.visibility, elsewhere?.visibility]).toEqual(['public', 'public', 'private']);
    expect(renderText(elsewhere!)).toMatch(/shown only to you/);
  });

  it('a "not found" result says whether a person exists: private like the rest, public only in a private support channel', async () => {
    const { assistant } = setup({ policy: policy({ allowedUsers: ['U0ALICE'], privateSupportChannels: ['C0SUPPORT'] }), live: new StubLiveChecks(notFound) });
    const inChannel = await assistant.handle(buildInput('check user nobody@example.com', 'mention', { actor: alice, conversation: { platform: 'slack', channelId: 'C0PUBLIC' } }));
    expect(inChannel?.visibility).toBe('private');
    expect(renderText(inChannel!)).toMatch(/Says whether this user or group exists: shown only to you/);
    const inSupport = await assistant.handle(buildInput('check user nobody@example.com', 'mention', { actor: alice, conversation: { platform: 'slack', channelId: 'C0SUPPORT' } }));
    expect(inSupport?.visibility).toBe('public');
  });

  it('audits a partial check as unavailable, and a failing check as an error without losing the answer', async () => {
    const partial = new StubLiveChecks((check, subject) => ({ ...notFound(check, subject), findings: [{ code: 'check-unavailable', severity: 'warning', detail: 'AWS throttled identitystore:GetUserId (ThrottlingException).' }] }));
    const { audit, assistant } = setup({ policy: policy({ allowedUsers: ['U0ALICE'] }), live: partial });
    const reply = await assistant.handle(ask('check user bob@example.com'));
    expect(renderText(reply!)).toMatch(/Part of the check could not run — AWS throttled identitystore:GetUserId/);
    const failing = new StubLiveChecks(() => Promise.reject(new Error('kaboom')));
    const second = setup({ policy: policy({ allowedUsers: ['U0ALICE'] }), live: failing, audit });
    const failed = await second.assistant.handle(ask('check assignments admins'));
    expect(failed).toMatchObject({ kind: 'error' });
    expect(renderText(failed!)).not.toMatch(/kaboom/);
    expect(audit.audit.map((e) => e.outcome)).toEqual(['unavailable', 'allowed-error']);
  });

  it('answers even when the audit log fails', async () => {
    const broken = Object.assign(new MemoryStore(), { recordLookup: () => Promise.reject(new Error('disk full')) });
    const { assistant } = setup({ policy: policy({ allowedUsers: ['U0ALICE'] }), audit: broken });
    expect((await assistant.handle(ask('check user bob@example.com')))?.kind).toBe('check');
  });

  it.each([
    ['an oversized subject', `check user ${'a'.repeat(300)}@example.com`, /at most 256 characters, not 312/],
    ['binary junk', 'check user \u0000\u0001\u0002', /control characters or binary data/],
  ])('rejects %s clearly, without a lookup', async (_name, text, message) => {
    const { live, audit, assistant } = setup({ policy: policy({ allowedUsers: ['U0ALICE'] }) });
    const reply = await assistant.handle(ask(text));
    expect(reply?.kind).toBe('error');
    expect(renderText(reply!)).toMatch(message);
    expect(live.calls).toEqual([]);
    expect(audit.audit).toEqual([]);
  });

  it('runs the check offered by a button under an answer to a pasted error, end to end', async () => {
    const { live, audit, assistant } = setup({ policy: policy({ allowedUsers: ['U0ALICE'] }) });
    const answer = await assistant.handle(ask('Provisioning jane@example.com failed: Request is unparsable, syntactically incorrect, or violates schema.'));
    expect(answer?.articleId).toBe('scim-sync-user-fails');
    const actions = answer!.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    const button = actions.find((a) => a.id === 'check.run') as Action;
    expect(button.label).toBe('Check user jane@example.com');
    const reply = await assistant.act({ id: 'check.run', value: button.value, actor: alice, conversation: { platform: 'slack', channelId: 'C0TEST' } });
    expect(reply?.kind).toBe('check');
    expect(live.calls).toEqual(['user:jane@example.com']);
    expect(audit.audit.map(auditShape)).toEqual([['U0ALICE', 'user', 'jane@example.com', 'allowed-ok']]);
  });
});

describe('composeCheckReport (through the assistant)', () => {
  let reply: Reply;
  beforeAll(async () => {
    const { assistant } = setup({ policy: policy({ allowedUsers: ['U0ALICE'] }) });
    reply = (await assistant.handle(ask('check user bob@example.com')))!;
  });

  it('orders findings errors first, links articles, shows the exact fix, the story and the first step', () => {
    const text = renderText(reply);
    expect(text.indexOf('Assignment points at a deleted principal')).toBeLessThan(text.indexOf('Attribute has more than one value'));
    expect(text).toMatch(/\[✗\] Assignment points at a deleted principal — Account 111122223333 … \(kb stale-principal-after-recreate\)/);
    expect(text).toContain('aws sso-admin delete-account-assignment --principal-id old-1');
    expect(text).toContain('2020-12-08 18:56 UTC  sign-in failed: password rejected');
    expect(text).toMatch(/First step/);
    const actions = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    expect(actions.map((a) => [a.id, JSON.parse(a.value).a])).toEqual([
      ['kb.show', 'stale-principal-after-recreate'],
      ['kb.show', 'scim-sync-user-fails'],
    ]);
  });

  it('escapes everything that came from AWS', () => {
    const html = renderHtml(reply);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('opens the linked article from its button', async () => {
    const { assistant } = setup();
    const actions = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    const kb = await assistant.act({ id: 'kb.show', value: actions[1]!.value, actor: alice, conversation: { platform: 'slack', channelId: 'C0TEST' } });
    expect(kb?.articleId).toBe('scim-sync-user-fails');
  });
});
