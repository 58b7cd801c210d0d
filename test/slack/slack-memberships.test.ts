import { WebClient } from '@slack/web-api';
import { SlackMemberships } from '../../src/slack/slack-memberships';
import { FakeClock } from '../helpers/fake-clock';
import { FakeSlack } from '../helpers/fake-slack';
import { recordingLogger } from '../teams/recording-logger';

describe('SlackMemberships against the fake Slack Web API', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fake.channelMembers.clear();
    fake.userGroups.clear();
  });

  const build = (groups: string[] = []) => {
    const clock = new FakeClock();
    const logs = recordingLogger();
    const client = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    return { clock, logs, m: new SlackMemberships(client as never, groups, logs.logger, clock) };
  };

  it('reads every page of a big channel and caches the answer for 5 minutes', async () => {
    fake.channelMembers.set('C0SUPPORT', Array.from({ length: 2_500 }, (_, i) => `U${i}`));
    const { m, clock } = build();
    expect(await m.inChannel('C0SUPPORT', 'U2499')).toBe(true);
    expect(await m.inChannel('C0SUPPORT', 'U0NOBODY')).toBe(false);
    expect(fake.callsTo('conversations.members').map((c) => c.args.cursor ?? '')).toEqual(['', '1000', '2000']);
    clock.advance(4);
    await m.inChannel('C0SUPPORT', 'U1');
    expect(fake.callsTo('conversations.members')).toHaveLength(3);
    clock.advance(2);
    await m.inChannel('C0SUPPORT', 'U1');
    expect(fake.callsTo('conversations.members')).toHaveLength(6);
  });

  it('shares one request between concurrent asks', async () => {
    fake.channelMembers.set('C0SUPPORT', ['U1']);
    fake.delay('conversations.members', 50);
    const { m } = build();
    expect(await Promise.all([m.inChannel('C0SUPPORT', 'U1'), m.inChannel('C0SUPPORT', 'U2'), m.inChannel('C0SUPPORT', 'U1')])).toEqual([true, false, true]);
    expect(fake.callsTo('conversations.members')).toHaveLength(1);
  });

  it('finds the configured user groups of a Slack user (usergroups.users.list), never a Teams one', async () => {
    fake.userGroups.set('S0IDTEAM', ['U1', 'U2']);
    fake.userGroups.set('S0OPS', ['U2']);
    const { m } = build(['S0IDTEAM', 'S0OPS']);
    expect(await m.groupsOf({ platform: 'slack', id: 'U2' })).toEqual(['S0IDTEAM', 'S0OPS']);
    expect(await m.groupsOf({ platform: 'slack', id: 'U1' })).toEqual(['S0IDTEAM']);
    expect(await m.groupsOf({ platform: 'teams', id: 'U1' })).toEqual([]);
    expect(fake.callsTo('usergroups.users.list')).toHaveLength(2);
  });

  it('fails closed, says how to fix it once, and asks again next time (failures are not cached)', async () => {
    const { m, logs } = build(['S0GONE']);
    fake.failNext('conversations.members', 'missing_scope');
    fake.channelMembers.set('C0SUPPORT', ['U1']);
    expect(await m.inChannel('C0SUPPORT', 'U1')).toBe(false);
    expect(await m.groupsOf({ platform: 'slack', id: 'U1' })).toEqual([]);
    expect(await m.groupsOf({ platform: 'slack', id: 'U1' })).toEqual([]);
    const warnings = logs.entries.filter((e) => e.level === 'warn').map((e) => e.msg);
    expect(warnings).toHaveLength(2); // missing_scope once, no_such_subteam once (not twice)
    expect(warnings[0]).toMatch(/channels:read, groups:read and usergroups:read/);
    expect(await m.inChannel('C0SUPPORT', 'U1')).toBe(true);
  });
});
