import type { Activity, ConversationReference } from '@microsoft/agents-activity';
import { baseConversationId, type TeamsAccount, type TeamsReference } from './conversation-ref-store';

function account(a: { id?: string; name?: string; aadObjectId?: string } | undefined): TeamsAccount | undefined {
  if (!a?.id) return undefined;
  return { id: a.id, ...(a.name ? { name: a.name } : {}), ...(a.aadObjectId ? { aadObjectId: a.aadObjectId } : {}) };
}

/** What to keep from an incoming activity to message its conversation later; undefined when it lacks the essentials. */
export function referenceOf(activity: Activity): TeamsReference | undefined {
  const id = activity.conversation?.id;
  if (!id || !activity.serviceUrl) return undefined;
  const tenantId = activity.conversation?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const bot = account(activity.recipient);
  const user = account(activity.from);
  return {
    conversationId: baseConversationId(id),
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId ?? 'msteams',
    ...(tenantId ? { tenantId } : {}),
    ...(activity.conversation?.conversationType ? { conversationType: activity.conversation.conversationType } : {}),
    ...(activity.conversation?.isGroup !== undefined ? { isGroup: activity.conversation.isGroup } : {}),
    ...(bot ? { bot } : {}),
    ...(user ? { user } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** The SDK's reference for `continueConversation`; `conversationId` overrides the base id (to reply in a thread). */
export function sdkReference(ref: TeamsReference, conversationId = ref.conversationId): ConversationReference {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: {
      id: conversationId,
      isGroup: ref.isGroup ?? false,
      ...(ref.tenantId ? { tenantId: ref.tenantId } : {}),
      ...(ref.conversationType ? { conversationType: ref.conversationType } : {}),
    },
    ...(ref.bot ? { agent: ref.bot } : {}),
    ...(ref.user ? { user: ref.user } : {}),
    ...(ref.locale ? { locale: ref.locale } : {}),
  };
}
