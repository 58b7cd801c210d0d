import { WebClient } from '@slack/web-api';
import { StaticPeople } from '../../src/core/ports/people';
import { SlackPeople } from '../../src/slack/slack-people';
import { FakeClock } from '../helpers/fake-clock';
import { useFakeSlack, type FakeSlack } from '../helpers/fake-slack';
import { recordingLogger } from '../teams/recording-logger';

describe('SlackPeople against the fake Slack Web API', () => {
  const slackApi = useFakeSlack();
  let fake: FakeSlack;
  beforeEach(() => {
    fake = slackApi();
    fake.userEmails.clear();
  });

  const build = () => {
    const clock = new FakeClock();
    const logs = recordingLogger();
    const client = new WebClient('xoxb-test-token', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    return { clock, logs, people: new SlackPeople(client as never, new StaticPeople({ S0IDTEAM: ['U1'] }), logs.logger, clock) };
  };
  const slack = (id: string) => ({ platform: 'slack' as const, id });

  it('reads the e-mail from users.info, shares one request between concurrent asks and keeps it 10 minutes', async () => {
    fake.userEmails.set('U1', 'alice@example.com');
    fake.delay('users.info', 50);
    const { people, clock } = build();
    expect(await Promise.all([people.emailOf(slack('U1')), people.emailOf(slack('U1'))])).toEqual(['alice@example.com', 'alice@example.com']);
    expect(fake.callsTo('users.info')).toHaveLength(1);
    clock.advance(9);
    expect(await people.emailOf(slack('U1'))).toBe('alice@example.com');
    expect(fake.callsTo('users.info')).toHaveLength(1);
    clock.advance(2);
    fake.userEmails.set('U1', 'alice@new.example');
    expect(await people.emailOf(slack('U1'))).toBe('alice@new.example');
    expect(fake.callsTo('users.info')).toHaveLength(2);
  });

  it('answers groups from the memberships, and nothing for other platforms', async () => {
    fake.userEmails.set('U1', 'alice@example.com');
    const { people } = build();
    expect(await people.groupsOf(slack('U1'))).toEqual(['S0IDTEAM']);
    expect(await people.emailOf({ platform: 'teams', id: 'U1' })).toBeUndefined();
    expect(fake.callsTo('users.info')).toHaveLength(0);
  });

  it('fails closed on an error, logs a missing scope once with the fix, and asks again next time', async () => {
    fake.userEmails.set('U1', 'alice@example.com');
    const { people, logs } = build();
    fake.failNext('users.info', 'missing_scope');
    fake.failNext('users.info', 'missing_scope');
    expect(await people.emailOf(slack('U1'))).toBeUndefined();
    expect(await people.emailOf(slack('U1'))).toBeUndefined();
    expect(await people.emailOf(slack('U1'))).toBe('alice@example.com');
    expect(fake.callsTo('users.info')).toHaveLength(3);
    const warnings = logs.entries.filter((e) => e.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/users:read\.email/);
    expect(logs.text()).not.toMatch(/alice@/);
  });
});
