/**
 * Teams-shaped activities, as the Bot Connector delivers them to /api/messages (field names and
 * id formats as documented for Teams: 29: user ids, 28: bot ids, 19:…@thread.tacv2 channels,
 * a:… personal chats, ;messageid= reply chains, channelData.tenant).
 */
export const BOT = { id: '28:00000000-0000-0000-0000-00000000b07', name: 'IDC Assistant' };
export const USER = { id: '29:1a2b3c-user', name: 'Alice Example', aadObjectId: '6f1c2d3e-0000-4000-8000-00000000a11c' };
export const TENANT = '72f988bf-0000-4000-8000-0000000000aa';
export const CHANNEL = '19:d4a1f0c3e2b74b8f9a6c5d4e3f2a1b0c@thread.tacv2';
export const PERSONAL = 'a:1xYz-personal-chat-with-alice';

let seq = 1000;
const nextId = () => `17000000000${seq++}`;

function base(serviceUrl: string) {
  return {
    channelId: 'msteams',
    serviceUrl,
    from: USER,
    recipient: BOT,
    timestamp: '2026-01-15T10:00:00.000Z',
    locale: 'en-US',
    channelData: { tenant: { id: TENANT } },
  };
}

export function personalMessage(serviceUrl: string, text: string) {
  return {
    ...base(serviceUrl),
    type: 'message',
    id: nextId(),
    text,
    textFormat: 'plain',
    conversation: { conversationType: 'personal', tenantId: TENANT, id: PERSONAL },
  };
}

/** A new channel post that @mentions the bot (Teams puts the mention in `text` and in `entities`). */
export function channelMention(serviceUrl: string, text: string) {
  const id = nextId();
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base(serviceUrl),
    type: 'message',
    id,
    text: `${mention} ${text}`,
    textFormat: 'plain',
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: `${CHANNEL};messageid=${id}` },
    entities: [
      { type: 'mention', text: mention, mentioned: BOT },
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' },
    ],
    channelData: {
      teamsChannelId: CHANNEL,
      teamsTeamId: '19:team-general@thread.tacv2',
      channel: { id: CHANNEL },
      team: { id: '19:team-general@thread.tacv2' },
      tenant: { id: TENANT },
    },
  };
}

/** Action.Submit as Teams sends it: a message with no text, the button's data in `value`, plus Teams' own fields. */
export function cardSubmit(serviceUrl: string, data: unknown, where: 'personal' | 'channel' = 'personal') {
  const from = where === 'personal' ? personalMessage(serviceUrl, '') : channelMention(serviceUrl, '');
  const { text: _text, entities: _entities, ...rest } = from as typeof from & { entities?: unknown };
  return { ...rest, replyToId: 'msg-card-1', value: { ...(data as object), msteams: { type: 'messageBack' } } };
}

/** Action.Execute as Teams sends it: an adaptiveCard/action invoke. */
export function cardInvoke(serviceUrl: string, data: unknown, verb = 'feedback.helpful') {
  const { text: _text, textFormat: _f, ...rest } = personalMessage(serviceUrl, '');
  return {
    ...rest,
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'msg-card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The bot was added to a team: Teams sends this in the General channel. */
export function botAddedToTeam(serviceUrl: string, channel = CHANNEL) {
  return {
    ...base(serviceUrl),
    type: 'conversationUpdate',
    id: nextId(),
    membersAdded: [{ id: BOT.id }],
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: channel },
    channelData: { eventType: 'teamMemberAdded', team: { id: '19:team-general@thread.tacv2' }, tenant: { id: TENANT } },
  };
}

/** `composeExtension/query`: someone typed in the compose box / command bar search of our extension. */
export function extensionQuery(serviceUrl: string, query: string | undefined, commandId = 'searchArticles') {
  const { text: _text, textFormat: _f, ...rest } = personalMessage(serviceUrl, '');
  const parameters = query === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'searchQuery', value: query }];
  return { ...rest, type: 'invoke', name: 'composeExtension/query', value: { commandId, parameters, queryOptions: { skip: 0, count: 25 } } };
}

/**
 * `composeExtension/submitAction` of the "Troubleshoot this" message action, run on a channel
 * reply (`replyToId` is the thread's root) whose body Teams sends as HTML.
 */
export function messageActionInvoke(serviceUrl: string, html: string, o: { note?: string; where?: 'channel' | 'personal'; commandId?: string } = {}) {
  const where = o.where ?? 'channel';
  const { text: _text, textFormat: _f, entities: _e, ...rest } = (where === 'channel' ? channelMention(serviceUrl, '') : personalMessage(serviceUrl, '')) as ReturnType<typeof channelMention>;
  return {
    ...rest,
    type: 'invoke',
    name: 'composeExtension/submitAction',
    conversation: where === 'channel' ? { isGroup: true, conversationType: 'channel', tenantId: TENANT, id: CHANNEL } : rest.conversation,
    value: {
      commandId: o.commandId ?? 'troubleshootMessage',
      commandContext: 'message',
      context: { theme: 'default' },
      data: o.note === undefined ? {} : { note: o.note },
      messagePayload: {
        id: '1700000000999',
        replyToId: '1700000000111',
        createdDateTime: '2026-01-15T09:59:00.000Z',
        importance: 'normal',
        messageType: 'message',
        from: { user: { id: '6f1c2d3e-0000-4000-8000-00000000b0b', displayName: 'Bob Example', userIdentityType: 'aadUser' } },
        body: { contentType: 'html', content: html },
        attachments: [],
        mentions: [],
      },
    },
  };
}
