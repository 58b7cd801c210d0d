import { loadConfig } from '../../src/config/load-config';
import { configProblems } from '../helpers/config-problems';

const problems = configProblems;

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
const TEAMS = { TEAMS_APP_ID: 'app', TEAMS_APP_PASSWORD: 'pw', TEAMS_TENANT_ID: 'tenant' };
const AWS = { AWS_REGION: 'eu-west-1', IDC_IDENTITY_STORE_ID: 'd-1234567890' };

describe('watcher configuration', () => {
  it('is off by default, even with Slack and live checks configured', () => {
    const c = loadConfig({ ...SLACK, ...AWS });
    expect(c.watch).toBeUndefined();
    expect(c.watchTuning).toEqual({ intervalMinutes: 5, signinFailures: 5 });
  });

  it('is on with WATCH_CHANNEL and/or WATCH_TEAMS_CONVERSATION and live checks', () => {
    expect(loadConfig({ ...SLACK, ...AWS, WATCH_CHANNEL: 'C0123ABCD' }).watch).toEqual({ slackChannel: 'C0123ABCD', intervalMinutes: 5, signinFailures: 5 });
    const both = loadConfig({ ...SLACK, ...TEAMS, ...AWS, WATCH_CHANNEL: 'G0123ABCD', WATCH_TEAMS_CONVERSATION: '19:abc@thread.tacv2', WATCH_INTERVAL_MINUTES: '15', WATCH_SIGNIN_FAILURES: '10' });
    expect(both.watch).toEqual({ slackChannel: 'G0123ABCD', teamsConversation: '19:abc@thread.tacv2', intervalMinutes: 15, signinFailures: 10 });
  });

  it('names each variable that is wrong, without echoing secrets', () => {
    expect(problems({ ...AWS, WATCH_CHANNEL: 'C0123ABCD' })).toEqual(['WATCH_CHANNEL: needs Slack (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)']);
    expect(problems({ ...SLACK, ...AWS, WATCH_CHANNEL: '#idc-alerts' })).toEqual(['WATCH_CHANNEL: must be a Slack channel id like C0123ABCD (channel details → About), not a channel name']);
    expect(problems({ ...SLACK, ...AWS, WATCH_TEAMS_CONVERSATION: '19:abc@thread.tacv2' })).toEqual([
      'WATCH_TEAMS_CONVERSATION: needs Teams (set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID)',
    ]);
    expect(problems({ ...SLACK, WATCH_CHANNEL: 'C0123ABCD' })).toEqual([
      'WATCH_CHANNEL / WATCH_TEAMS_CONVERSATION: the watcher reads CloudTrail: set AWS_REGION and IDC_IDENTITY_STORE_ID (live checks)',
    ]);
    expect(problems({ ...SLACK, ...AWS, WATCH_CHANNEL: 'C0123ABCD', WATCH_INTERVAL_MINUTES: '0', WATCH_SIGNIN_FAILURES: '0' })).toEqual([
      'WATCH_INTERVAL_MINUTES: must be at least 1 (minutes between two CloudTrail reads)',
      'WATCH_SIGNIN_FAILURES: must be at least 1 (failed sign-ins per user in one interval)',
    ]);
    expect(problems({ WATCH_INTERVAL_MINUTES: '5m' })[0]).toMatch(/^WATCH_INTERVAL_MINUTES: must be a whole number/);
    expect(problems({ WATCH_INTERVAL_MINUTES: '1441' })[0]).toMatch(/^WATCH_INTERVAL_MINUTES: must be a whole number from 0 to 1440/);
  });
});
