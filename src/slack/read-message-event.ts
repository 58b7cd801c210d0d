/** The fields of a Slack `message` / `app_mention` event the edge uses, checked rather than trusted. */
export interface SlackMessageEvent {
  channel: string;
  /** im, channel, group, mpim; absent on app_mention. */
  channelType?: string;
  user: string;
  text: string;
  ts: string;
  threadTs?: string;
  files: SlackFile[];
}

export interface SlackFile {
  name: string;
  mimetype?: string;
  size?: number;
  urlPrivate?: string;
}

/**
 * Subtypes that carry a person's new message. Everything else is ignored: `message_changed` and
 * `message_deleted` (edits must not re-trigger answers), `bot_message`, joins, topic changes…
 */
const ANSWERABLE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Undefined for events the assistant must not answer: other subtypes, bots (ourselves included), malformed events. */
export function readMessageEvent(event: unknown): SlackMessageEvent | undefined {
  if (!event || typeof event !== 'object') return undefined;
  const e = event as Record<string, unknown>;
  if (!ANSWERABLE_SUBTYPES.has(e.subtype as string | undefined)) return undefined;
  if (e.bot_id !== undefined || e.bot_profile !== undefined) return undefined;
  const channel = str(e.channel);
  const user = str(e.user);
  const ts = str(e.ts);
  if (!channel || !user || !ts) return undefined;
  const files = Array.isArray(e.files) ? e.files.flatMap(readFile) : [];
  return {
    channel,
    channelType: str(e.channel_type),
    user,
    text: typeof e.text === 'string' ? e.text : '',
    ts,
    threadTs: str(e.thread_ts),
    files,
  };
}

function readFile(f: unknown): SlackFile[] {
  if (!f || typeof f !== 'object') return [];
  const o = f as Record<string, unknown>;
  return [
    {
      name: str(o.name) ?? 'file',
      mimetype: str(o.mimetype),
      size: typeof o.size === 'number' ? o.size : undefined,
      urlPrivate: str(o.url_private_download) ?? str(o.url_private),
    },
  ];
}
