import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { suggestedPrompts } from '../../src/core/surfaces/suggested-prompts';
import { SLACK_EVENTS_PATH } from '../../src/slack/create-bolt-app';
import { IDC_COMMAND } from '../../src/slack/listeners/on-idc-command';
import { TROUBLESHOOT_CALLBACK_ID } from '../../src/slack/listeners/on-troubleshoot-shortcut';
import { buildAssistant, shippedArticles } from '../helpers/builders';

interface Manifest {
  features: {
    slash_commands: Array<{ command: string; url: string }>;
    shortcuts: Array<{ type: string; callback_id: string }>;
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    assistant_view?: { assistant_description: string; suggested_prompts: Array<{ title: string; message: string }> };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
}

const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest', 'slack.yml'), 'utf8')) as Manifest;
const slackSource = (dir = join(__dirname, '..', '..', 'src', 'slack')): string =>
  readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? slackSource(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');

/** Every Web API method the edge may call, and the bot scope it needs ('' = none). */
const METHOD_SCOPES: Record<string, string[]> = {
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.getPermalink': [],
  'reactions.add': ['reactions:write'],
  'reactions.remove': ['reactions:write'],
  'views.publish': [],
  'views.open': [],
  'views.push': [],
  'conversations.members': ['channels:read', 'groups:read'],
  'usergroups.users.list': ['usergroups:read'],
  // The asker's own e-mail for LOOKUP_SELF_SERVICE: profile.email needs users:read.email too.
  'users.info': ['users:read', 'users:read.email'],
  'auth.test': [],
  // The durable inbox reads a thread after a crash mid-reply (channels:history; groups:history and
  // im:history come with the message events).
  'conversations.replies': ['channels:history'],
  // Bolt's Assistant helpers (setSuggestedPrompts, setStatus, setTitle) call these.
  'assistant.threads.setSuggestedPrompts': ['assistant:write'],
  'assistant.threads.setStatus': ['assistant:write'],
  'assistant.threads.setTitle': ['assistant:write'],
};
/** Each subscribed event and the scope it needs. */
const EVENT_SCOPES: Record<string, string[]> = {
  app_mention: ['app_mentions:read'],
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  'message.im': ['im:history'],
  app_home_opened: [],
  assistant_thread_started: [],
};

/** What the code handles, read from the source: Web API calls, event listeners, the Assistant helper. */
function handled() {
  const source = slackSource();
  const methods = new Set([...source.matchAll(/client\.(\w+(?:\.\w+)+)\(/g)].map((m) => m[1]!));
  for (const helper of ['setSuggestedPrompts', 'setStatus', 'setTitle']) if (source.includes(`${helper}(`)) methods.add(`assistant.threads.${helper}`);
  const events = new Set<string>();
  for (const [, name] of source.matchAll(/app\.event\('(\w+)'/g)) {
    if (name === 'message') ['message.channels', 'message.groups', 'message.im'].forEach((e) => events.add(e));
    else events.add(name!);
  }
  // Bolt's Assistant routes assistant_thread_started and threaded IM messages (message.im).
  if (source.includes('app.assistant(')) ['assistant_thread_started', 'message.im'].forEach((e) => events.add(e));
  return { methods, events, source };
}

describe('manifest/slack.yml matches the code', () => {
  const url = `https://YOUR-HOST${SLACK_EVENTS_PATH}`;
  const code = handled();

  it('sends events, the command and interactivity to the one /slack/events URL', () => {
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: url });
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: IDC_COMMAND, url })]);
  });

  it('defines the message shortcut the code listens for, lets people DM the bot, and has the Home tab', () => {
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: TROUBLESHOOT_CALLBACK_ID })]);
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('subscribes to exactly the events the listeners handle', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([...code.events].sort());
    expect(code.events).toEqual(new Set(['app_home_opened', 'app_mention', 'assistant_thread_started', 'message.channels', 'message.groups', 'message.im']));
  });

  it('asks for exactly the scopes the calls, events, command and attached files need', () => {
    const needed = new Set<string>(['commands' /* /idc and the shortcut */, 'files:read' /* SlackFileReader downloads url_private */]);
    for (const method of code.methods) {
      expect(METHOD_SCOPES).toHaveProperty([method]);
      METHOD_SCOPES[method]!.forEach((s) => needed.add(s));
    }
    for (const event of code.events) EVENT_SCOPES[event]!.forEach((s) => needed.add(s));
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('declares the assistant container with the prompts the code sets, each one answered usefully', async () => {
    const view = manifest.features.assistant_view!;
    expect(view.assistant_description.length).toBeGreaterThan(20);
    const fromCode = suggestedPrompts(shippedArticles());
    expect(view.suggested_prompts.map((p) => p.title)).toEqual(fromCode.map((p) => p.title));
    expect(view.suggested_prompts.slice(1)).toEqual(fromCode.slice(1));
    const reply = await buildAssistant().handle({ text: view.suggested_prompts[0]!.message, trigger: 'dm', actor: { platform: 'slack', id: 'U1' }, conversation: { platform: 'slack', channelId: 'D1' } });
    expect(reply?.kind).toBe('answer');
  });
});
