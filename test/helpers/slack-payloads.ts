/**
 * Slack request bodies, shaped as Slack documents them (Events API `event_callback`, slash
 * command form posts, `block_actions` and `message_action` interaction payloads).
 */
let counter = 0;
const nextId = () => `Ev${Date.now().toString(36).toUpperCase()}${(counter++).toString().padStart(4, '0')}`;
export const nextTs = () => `${1_700_000_000 + counter++}.${String(counter).padStart(6, '0')}`;

export const TEAM = 'T0TEST';
export const USER = 'U0ASKER';
export const BOT = 'U0BOT';

export function eventCallback(event: Record<string, unknown>, eventId = nextId()): { body: string; eventId: string } {
  const body = {
    token: 'deprecated-verification-token',
    team_id: TEAM,
    api_app_id: 'A0IDC',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
  return { body: JSON.stringify(body), eventId };
}

export function messageEvent(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'message', channel: 'C0WATCH', channel_type: 'channel', user: USER, text: 'hello', ts: nextTs(), team: TEAM, client_msg_id: `m-${counter++}`, ...over };
}

export function appMention(text: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'app_mention', channel: 'C0OTHER', user: USER, text: `<@${BOT}> ${text}`, ts: nextTs(), team: TEAM, client_msg_id: `m-${counter++}`, ...over };
}

export function slashCommand(text: string, responseUrl: string, over: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: TEAM,
    team_domain: 'example',
    channel_id: 'C0OTHER',
    channel_name: 'platform',
    user_id: USER,
    user_name: 'asker',
    command: '/idc',
    text,
    api_app_id: 'A0IDC',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `${counter++}.1.trigger`,
    ...over,
  }).toString();
}

export function interaction(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function blockActions(o: { actionId: string; value: string; responseUrl: string; messageTs: string; threadTs?: string; channel?: string; type?: string; user?: string }): string {
  const channel = o.channel ?? 'C0OTHER';
  return interaction({
    type: 'block_actions',
    user: { id: o.user ?? USER, username: 'asker', name: 'asker', team_id: TEAM },
    api_app_id: 'A0IDC',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: o.messageTs, channel_id: channel, is_ephemeral: false, ...(o.threadTs ? { thread_ts: o.threadTs } : {}) },
    trigger_id: `${counter++}.2.trigger`,
    team: { id: TEAM, domain: 'example' },
    channel: { id: channel, name: 'platform' },
    message: { type: 'message', user: BOT, bot_id: 'B0BOT', ts: o.messageTs, text: 'answer', ...(o.threadTs ? { thread_ts: o.threadTs } : {}) },
    response_url: o.responseUrl,
    actions: [{ type: o.type ?? 'button', action_id: o.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'Button' }, value: o.value, action_ts: '1700000000.1' }],
  });
}

export function messageShortcut(o: { text: string; responseUrl: string; ts?: string; threadTs?: string; channel?: string; callbackId?: string }): string {
  const ts = o.ts ?? nextTs();
  return interaction({
    type: 'message_action',
    token: 'deprecated-verification-token',
    action_ts: '1700000000.2',
    team: { id: TEAM, domain: 'example' },
    user: { id: USER, username: 'asker', name: 'asker', team_id: TEAM },
    channel: { id: o.channel ?? 'C0OTHER', name: 'platform' },
    is_enterprise_install: false,
    callback_id: o.callbackId ?? 'troubleshoot_message',
    trigger_id: `${counter++}.3.trigger`,
    response_url: o.responseUrl,
    message_ts: ts,
    message: { type: 'message', user: 'U0OTHER', ts, text: o.text, ...(o.threadTs ? { thread_ts: o.threadTs } : {}) },
  });
}
