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

/** `app_home_opened`, as Slack sends it when someone opens the app's Home (or Messages) tab. */
export function appHomeOpened(user = USER, tab: 'home' | 'messages' = 'home'): Record<string, unknown> {
  return { type: 'app_home_opened', user, channel: 'D0HOME', tab, event_ts: nextTs() };
}

/** `assistant_thread_started`: someone opened the assistant container (a new thread in the app's DM). */
export function assistantThreadStarted(o: { channel: string; threadTs: string; user?: string }): Record<string, unknown> {
  return {
    type: 'assistant_thread_started',
    assistant_thread: { user_id: o.user ?? USER, context: { channel_id: 'C0OTHER', team_id: TEAM, enterprise_id: null }, channel_id: o.channel, thread_ts: o.threadTs },
    event_ts: nextTs(),
  };
}

/** A person's message in an assistant thread: an IM message with thread_ts (message.im). */
export function assistantMessage(o: { channel: string; threadTs: string; text: string }): Record<string, unknown> {
  return messageEvent({ channel: o.channel, channel_type: 'im', thread_ts: o.threadTs, text: o.text });
}

/** A click on a view (Home tab or modal): `block_actions` with a `view` container and no response_url. */
export function viewAction(o: { actionId: string; value?: string; viewType: 'home' | 'modal'; type?: string }): string {
  const view = { id: 'V0VIEW', type: o.viewType, callback_id: o.viewType === 'modal' ? 'kb_search' : '', hash: '1700000000.abc', state: { values: {} }, blocks: [] };
  return interaction({
    type: 'block_actions',
    user: { id: USER, username: 'asker', name: 'asker', team_id: TEAM },
    api_app_id: 'A0IDC',
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: 'V0VIEW' },
    trigger_id: `${counter++}.4.trigger`,
    team: { id: TEAM, domain: 'example' },
    view,
    actions: [{ type: o.type ?? 'button', action_id: o.actionId, block_id: 'b1', text: { type: 'plain_text', text: 'Button' }, ...(o.value !== undefined ? { value: o.value } : {}), action_ts: '1700000000.3' }],
  });
}

/** Slack's native feedback buttons clicked on a message: one element, the value of the chosen thumb. */
export function feedbackButtonsAction(o: { value: string; responseUrl: string; messageTs: string; channel: string; threadTs?: string }): string {
  const body = JSON.parse(decodeURIComponent(blockActions({ actionId: 'feedback', value: o.value, responseUrl: o.responseUrl, messageTs: o.messageTs, threadTs: o.threadTs, channel: o.channel }).slice('payload='.length)));
  body.actions = [{ type: 'feedback_buttons', action_id: 'feedback', block_id: 'b2', value: o.value, action_ts: '1700000000.4', text: { type: 'plain_text', text: 'Helpful' } }];
  return interaction(body);
}

/** `view_submission` of the knowledge base search modal with what was typed. */
export function searchSubmission(query: string): string {
  return interaction({
    type: 'view_submission',
    team: { id: TEAM, domain: 'example' },
    user: { id: USER, username: 'asker', name: 'asker', team_id: TEAM },
    api_app_id: 'A0IDC',
    token: 'deprecated-verification-token',
    trigger_id: `${counter++}.5.trigger`,
    view: {
      id: 'V0SEARCH',
      type: 'modal',
      callback_id: 'kb_search',
      hash: '1700000000.def',
      private_metadata: '',
      state: { values: { kb_search_query: { query: { type: 'plain_text_input', value: query || null } } } },
      blocks: [],
    },
    response_urls: [],
  });
}
