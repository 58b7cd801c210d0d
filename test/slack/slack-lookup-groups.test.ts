/**
 * LOOKUP_ALLOWED_SLACK_GROUPS through the real app: the Slack edge answers "which of these groups
 * is this user in" with usergroups.users.list (cached), so a group member may run lookups and
 * others may not. Live checks are a stub here; the group lookup is the part under test.
 */
import type { CheckReport, LiveChecks } from '../../src/core/checks/checks';
import { textsOf } from '../helpers/fake-slack';
import { slashCommand } from '../helpers/slack-payloads';
import { sendSigned } from '../helpers/slack-requests';
import { startSlackApp, type SlackHarness } from './slack-harness';

const report = (check: CheckReport['check'], subject: string): CheckReport => ({ check, subject, found: false, personalData: false, findings: [] });
const asked: string[] = [];
const live: LiveChecks = {
  checkUser: async (s) => (asked.push(s), report('user', s)),
  trail: async (s) => report('trail', s),
  checkAssignments: async (s) => report('assignments', s),
};

describe('LOOKUP_ALLOWED_SLACK_GROUPS over real HTTP', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackApp({ env: { LOOKUP_ALLOWED_SLACK_GROUPS: 'S0IDTEAM' }, deps: { live } });
    h.fake.userGroups.set('S0IDTEAM', ['U0IDTEAM']);
  });
  afterAll(() => h.close());

  const run = async (user: string, id: string) => {
    await sendSigned(h.events, slashCommand('check user bob@example.com', h.fake.responseUrl(id), { user_id: user }));
    await h.fake.waitFor(() => h.fake.responses.some((r) => r.id === id));
    return textsOf(h.fake.responses.find((r) => r.id === id)!.body);
  };

  it('lets a member of the group look up, refuses others, and asks Slack once for the group', async () => {
    expect(await run('U0IDTEAM', 'member')).toMatch(/bob@example\.com/);
    expect(await run('U0OUTSIDER', 'outsider')).toMatch(/not allowed to run live lookups/);
    expect(await run('U0IDTEAM', 'member-again')).not.toMatch(/not allowed/);
    expect(asked).toEqual(['bob@example.com', 'bob@example.com']);
    expect(h.fake.callsTo('usergroups.users.list').map((c) => c.args.usergroup)).toEqual(['S0IDTEAM']);
  });
});
