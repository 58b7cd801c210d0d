import { decodeAction, encodeAction } from '../../../src/core/commands/action-payload';
import { runOn, type CheckReport, type LiveChecks } from '../../../src/core/checks/checks';
import {
  isLiveCheckName,
  isSlowLiveCheck,
  LIVE_CHECK_NAMES,
  LIVE_CHECKS,
  liveCheck,
  liveCheckUsages,
  matchLiveCheck,
  usageOf,
  type LiveCheckName,
} from '../../../src/core/checks/live-check-registry';
import { composeHelp } from '../../../src/core/replies/compose-help';
import { parseCommand } from '../../../src/core/commands/parse-command';
import { LIVE_USAGE } from '../../../src/cli/run-live-cli';
import { USAGE } from '../../../src/cli/run-cli';
import { CHECK_NAMES } from '../../../src/knowledge/article';
import { renderText } from '../../../src/render/render-text';
import { buildAssistant } from '../../helpers/builders';
import { stubLiveChecks } from '../../helpers/stub-live-checks';

const recordingChecks = () => stubLiveChecks(async (check, subject): Promise<CheckReport> => ({ check, subject, found: false, findings: [], personalData: false }));

/** The AWS side written out by hand, as `src/checks/aws` implements it: each method records its own name. */
function byMethod(): { live: LiveChecks; calls: string[] } {
  const calls: string[] = [];
  const report = (check: LiveCheckName, subject: string): CheckReport => ({ check, subject, found: false, findings: [], personalData: false });
  const live: LiveChecks = {
    checkUser: async (s) => (calls.push(`checkUser:${s}`), report('user', s)),
    checkAssignments: async (s) => (calls.push(`checkAssignments:${s}`), report('assignments', s)),
    trail: async (s) => (calls.push(`trail:${s}`), report('trail', s)),
  };
  return { live, calls };
}

describe('the live-check registry', () => {
  it('names each check once, with distinct words, and every IAM action a real read-only one', () => {
    expect(new Set(LIVE_CHECK_NAMES).size).toBe(LIVE_CHECKS.length);
    expect(new Set(LIVE_CHECKS.map((c) => c.words)).size).toBe(LIVE_CHECKS.length);
    for (const c of LIVE_CHECKS) {
      expect(c.iamActions.length).toBeGreaterThan(0);
      for (const a of c.iamActions) expect(a).toMatch(/^(identitystore|sso|cloudtrail):(Get|Describe|List|Lookup)\w+$/);
    }
  });

  it.each(LIVE_CHECK_NAMES.map((n) => [n]))('"%s": typed words parse to it, help and the CLI list it, buttons round-trip it', async (name) => {
    const spec = liveCheck(name);
    expect(parseCommand(`${spec.words} bob@example.com`, 'line')).toEqual({ name: 'live', check: name, subject: 'bob@example.com', self: false });
    expect(parseCommand(`${spec.words.toUpperCase()}   Domain Guests`, 'message')).toEqual({ name: 'live', check: name, subject: 'Domain Guests', self: false });
    expect(renderText(composeHelp('/idc '))).toContain(`/idc ${usageOf(spec)}: ${spec.summary}`);
    expect(LIVE_USAGE).toContain(`${usageOf(spec)} [--json]`);
    expect(USAGE).toContain(`${usageOf(spec)} [--json]`);
    expect(CHECK_NAMES).toContain(name);
    expect(decodeAction(encodeAction({ c: name, s: 'bob' }))).toEqual({ c: name, s: 'bob' });
    expect(isSlowLiveCheck(`${spec.words} bob`)).toBe(spec.slow);
    const { live, calls } = byMethod();
    expect((await runOn(live, name, 'bob')).check).toBe(name);
    expect(calls).toEqual([`${spec.method}:bob`]);
  });

  it('offers `check me` in help and parses it (and `check user me`) as the user check on oneself', () => {
    expect(liveCheckUsages().map((u) => u.usage)).toContain('check me');
    expect(renderText(composeHelp(''))).toMatch(/^- check me: the user check on yourself/m);
    expect(matchLiveCheck('check me')).toEqual({ check: 'user', subject: '', self: true });
    expect(matchLiveCheck('check user me')).toEqual({ check: 'user', subject: '', self: true });
    // "me" is reserved only as the whole subject.
    expect(matchLiveCheck('check user me@example.com')).toEqual({ check: 'user', subject: 'me@example.com', self: false });
    expect(matchLiveCheck('trail me')).toEqual({ check: 'trail', subject: 'me', self: false });
  });

  it('says what a check needs when the subject is missing, and ignores text that is no live check', () => {
    expect(matchLiveCheck('check assignments')).toEqual({ check: 'assignments', problem: 'check assignments needs a user name or e-mail' });
    expect(matchLiveCheck('trail')).toEqual({ check: 'trail', problem: 'trail needs a user name or e-mail' });
    expect(matchLiveCheck('check saml <xml/>')).toBeUndefined();
    expect(matchLiveCheck('trailing whitespace is fine')).toBeUndefined();
    expect(isSlowLiveCheck('help')).toBe(false);
  });

  it('knows only its own names: others are a compile error in code and false at the boundary', () => {
    expect(isLiveCheckName('dns')).toBe(false);
    expect(isLiveCheckName(42)).toBe(false);
    expect(isLiveCheckName('user')).toBe(true);
    // @ts-expect-error: 'dns' is not a LiveCheckName
    const name: LiveCheckName = 'dns';
    expect(name).toBe('dns');
  });
});

describe('a "Run check" button naming a check this version does not have', () => {
  it.each([['dns'], [42], ['USER']])('decodes %j as an unknown check instead of dropping it', (c) => {
    const decoded = decodeAction(JSON.stringify({ c, s: 'bob' }));
    expect(decoded.c).toBeUndefined();
    expect(decoded.unknownCheck).toBe(String(c));
    expect(decoded.s).toBe('bob');
  });

  it('gets a clear error naming it and the checks there are, and runs nothing', async () => {
    const { live, calls } = recordingChecks();
    const assistant = buildAssistant({ articles: [], live });
    const reply = await assistant.act({
      id: 'check.run',
      value: JSON.stringify({ c: 'permissions', s: 'bob@example.com' }),
      actor: { platform: 'slack', id: 'U0ALICE' },
      conversation: { platform: 'slack', channelId: 'C0TEST' },
    });
    expect(reply).toMatchObject({ kind: 'error', visibility: 'private' });
    const text = renderText(reply!);
    expect(text).toMatch(/That button runs a check this version does not have/);
    expect(text).toContain('“permissions”');
    for (const c of LIVE_CHECKS) expect(text).toContain(c.words);
    expect(calls).toEqual([]);
  });

  it('a button with no check at all is still "expired", as before', async () => {
    const reply = await buildAssistant({ articles: [] }).act({ id: 'check.run', value: JSON.stringify({ s: 'bob' }), actor: { platform: 'slack', id: 'U1' }, conversation: { platform: 'slack', channelId: 'C1' } });
    expect(renderText(reply!)).toMatch(/That button has expired/);
  });
});
