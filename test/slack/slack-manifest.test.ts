import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../src/slack/create-bolt-app';
import { IDC_COMMAND } from '../../src/slack/listeners/on-idc-command';
import { TROUBLESHOOT_CALLBACK_ID } from '../../src/slack/listeners/on-troubleshoot-shortcut';

interface Manifest {
  features: { slash_commands: Array<{ command: string; url: string }>; shortcuts: Array<{ type: string; callback_id: string }>; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
}

const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest', 'slack.yml'), 'utf8')) as Manifest;
const slackSource = (dir = join(__dirname, '..', '..', 'src', 'slack')): string =>
  readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? slackSource(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');

describe('manifest/slack.yml matches the code', () => {
  const url = `https://YOUR-HOST${SLACK_EVENTS_PATH}`;

  it('sends events, the command and interactivity to the one /slack/events URL', () => {
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: IDC_COMMAND, url })]);
  });

  it('defines the message shortcut the code listens for, and lets people DM the bot', () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: TROUBLESHOOT_CALLBACK_ID })]);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('subscribes to the events the listeners handle', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.channels', 'message.groups', 'message.im']);
  });

  it('asks for a scope for every Web API method the edge calls', () => {
    const needs: Record<string, string> = { 'chat.postMessage': 'chat:write', 'chat.postEphemeral': 'chat:write', 'reactions.add': 'reactions:write', 'reactions.remove': 'reactions:write', 'chat.update': 'chat:write', 'chat.getPermalink': '' /* needs no scope */, 'auth.test': '',
      // The inbox reads a thread after a crash mid-reply (also groups:history / im:history for those channels, asserted below).
      'conversations.replies': 'channels:history' };
    const source = slackSource();
    const called = [...source.matchAll(/client\.(\w+)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`);
    expect(called.length).toBeGreaterThan(0);
    for (const method of new Set(called)) {
      expect(needs).toHaveProperty([method]);
      if (needs[method]) expect(manifest.oauth_config.scopes.bot).toContain(needs[method]);
    }
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['app_mentions:read', 'channels:history', 'groups:history', 'im:history', 'commands', 'files:read']));
  });
});
