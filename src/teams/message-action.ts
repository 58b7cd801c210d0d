import type { Activity } from '@microsoft/agents-activity';
import type { Conversation, Input } from '../core/input';
import type { Reply } from '../core/replies/reply';
import { CARD_CONTENT_TYPE } from './adaptive-card';
import { baseConversationId } from './conversation-ref-store';
import { NOTE_PARAMETER } from './message-extension-ids';
import { renderCard } from './render-card';
import { htmlToText, MAX_TEXT_CHARS, toInput } from './teams-input';

/** The parts of a `composeExtension/submitAction` value we read (Teams sends the message it was run on). */
export interface SubmitActionValue {
  commandId?: string;
  commandContext?: string;
  messagePayload?: { id?: string; replyToId?: string; body?: { contentType?: string; content?: unknown } };
  data?: Record<string, unknown>;
}

/** The text of the message the action ran on (Teams sends HTML for most messages), plus the person's note. */
export function messageActionText(value: SubmitActionValue): string {
  const body = value.messagePayload?.body;
  const raw = typeof body?.content === 'string' ? body.content : '';
  const text = body?.contentType === 'html' ? htmlToText(raw) : raw;
  const note = typeof value.data?.[NOTE_PARAMETER] === 'string' ? (value.data[NOTE_PARAMETER] as string).trim() : '';
  return [text.trim(), note].filter(Boolean).join('\n').slice(0, MAX_TEXT_CHARS);
}

/**
 * Where the answer goes: in a channel, the reply chain of the message (`;messageid=` of its root);
 * in chats, the chat itself.
 */
export function answerConversationId(activity: Activity, value: SubmitActionValue): string {
  const id = activity.conversation?.id ?? '';
  if (activity.conversation?.conversationType !== 'channel') return id;
  const root = value.messagePayload?.replyToId || value.messagePayload?.id;
  return root ? `${baseConversationId(id)};messageid=${root}` : id;
}

/** The core's input for "Troubleshoot this": an explicit ask about that message, in its thread. */
export function messageActionInput(activity: Activity, value: SubmitActionValue, supportConversation?: string): Input {
  const base = toInput(activity, supportConversation);
  const threadId = answerConversationId(activity, value);
  const conversation: Conversation = { ...base.conversation, threadId, messageId: value.messagePayload?.id };
  return { ...base, text: messageActionText(value), trigger: 'shortcut', conversation };
}

/** A reply shown in a Teams dialog, only to the person who ran the action (buttons left out: dialogs do not route them). */
export function replyDialog(reply: Reply): unknown {
  const quiet: Reply = { ...reply, blocks: reply.blocks.filter((b) => b.type !== 'actions') };
  return {
    task: {
      type: 'continue',
      value: { title: 'IAM Identity Center assistant', width: 'large', height: 'large', card: { contentType: CARD_CONTENT_TYPE, content: renderCard(quiet) } },
    },
  };
}
