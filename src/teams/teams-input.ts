import type { Activity } from '@microsoft/agents-activity';
import type { Input, Trigger } from '../core/input';
import { baseConversationId } from './conversation-ref-store';

/** Longest message text handed to the core; Teams itself caps messages near 28 KB of text. */
export const MAX_TEXT_CHARS = 100_000;

interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string; name?: string };
}

function mentions(activity: Activity): MentionEntity[] {
  return ((activity.entities ?? []) as MentionEntity[]).filter((e) => e?.type === 'mention');
}

/** True when the message mentions the bot (the recipient). */
export function mentionsBot(activity: Activity): boolean {
  return mentions(activity).some((m) => m.mentioned?.id && m.mentioned.id === activity.recipient?.id);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** `&amp;`, `&lt;`, `&#39;`, `&#x1F600;`…: HTML character references, decoded once. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Teams sends some messages (rich text, pasted formatting) as HTML only: this is their text. */
export function htmlToText(html: string): string {
  return decodeHtmlEntities(html.replace(/<br\s*\/?>|<\/(p|div|li|pre|tr|h\d)>/gi, '\n').replace(/<[^>]+>/g, ''));
}

/**
 * The words the person typed, as plain text for the core: the bot's own `<at>…</at>` mention
 * removed, other mentions reduced to the name, HTML entities (`&lt;` in a pasted SAML response)
 * decoded. Falls back to the HTML attachment when the text is empty.
 */
export function messageText(activity: Activity): string {
  let text = activity.text ?? '';
  if (!text.trim()) {
    const html = activity.attachments?.find((a) => a.contentType === 'text/html' && typeof a.content === 'string');
    return html ? htmlToText(html.content as string).slice(0, MAX_TEXT_CHARS).trim() : '';
  }
  for (const m of mentions(activity)) {
    if (m.text && m.mentioned?.id === activity.recipient?.id) text = text.split(m.text).join(' ');
  }
  text = decodeHtmlEntities(text.replace(/<at>([^<]*)<\/at>/gi, '$1'));
  return text.slice(0, MAX_TEXT_CHARS).trim();
}

export function isPersonal(activity: Activity): boolean {
  return activity.conversation?.conversationType === 'personal' || (!activity.conversation?.isGroup && !activity.conversation?.conversationType);
}

/**
 * A Teams message as the core's neutral input. Personal chat is a DM; in channels and group
 * chats Teams only delivers messages that mention the bot, unless the app has the resource-specific
 * permission to read all of them: those arrive unmentioned and count as watched.
 */
export function toInput(activity: Activity, supportConversation?: string): Input {
  const trigger: Trigger = isPersonal(activity) ? 'dm' : mentionsBot(activity) ? 'mention' : 'watched';
  const conversationId = activity.conversation?.id ?? '';
  const channelId = baseConversationId(conversationId);
  return {
    text: messageText(activity),
    trigger,
    actor: {
      platform: 'teams',
      id: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
      ...(activity.from?.name ? { name: activity.from.name } : {}),
    },
    conversation: {
      platform: 'teams',
      channelId,
      ...(conversationId !== channelId ? { threadId: conversationId } : {}),
      ...(activity.id ? { messageId: activity.id } : {}),
      privateSupport: !!supportConversation && channelId === baseConversationId(supportConversation),
    },
  };
}
