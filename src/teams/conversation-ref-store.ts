/**
 * Teams can only message a conversation proactively (escalations, notifications) with a
 * conversation reference saved from an activity the bot received there: when it was installed
 * or first messaged. This port keeps them. Plain JSON, no SDK types, so any store can persist it.
 */

import type { PlatformRefStore } from '../core/ports/store';

export interface TeamsAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
}

export interface TeamsReference {
  /** Base conversation id: a channel (19:…@thread.tacv2), group chat or personal chat (a:…). */
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  tenantId?: string;
  conversationType?: string;
  isGroup?: boolean;
  bot?: TeamsAccount;
  user?: TeamsAccount;
  locale?: string;
}

export interface TeamsReferenceStore {
  saveReference(reference: TeamsReference): Promise<void>;
  /** By base conversation id (thread suffixes like ";messageid=…" are ignored). */
  getReference(conversationId: string): Promise<TeamsReference | undefined>;
}

/** The thread-less conversation id: "19:x@thread.tacv2;messageid=17" → "19:x@thread.tacv2". */
export function baseConversationId(conversationId: string): string {
  const cut = conversationId.indexOf(';messageid=');
  return cut === -1 ? conversationId : conversationId.slice(0, cut);
}

/** In-memory references, bounded: the oldest is forgotten past `limit` conversations. */
export class MemoryConversationRefStore implements TeamsReferenceStore {
  private readonly refs = new Map<string, TeamsReference>();
  constructor(private readonly limit = 10_000) {}

  async saveReference(reference: TeamsReference): Promise<void> {
    const key = baseConversationId(reference.conversationId);
    this.refs.delete(key);
    this.refs.set(key, { ...reference, conversationId: key });
    if (this.refs.size > this.limit) this.refs.delete(this.refs.keys().next().value!);
  }

  async getReference(conversationId: string): Promise<TeamsReference | undefined> {
    return this.refs.get(baseConversationId(conversationId));
  }
}

/** Keeps references in the app's store (SQLite / PostgreSQL), so escalations survive restarts and replicas. */
export class StoreConversationRefStore implements TeamsReferenceStore {
  constructor(
    private readonly store: PlatformRefStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async saveReference(reference: TeamsReference): Promise<void> {
    const key = baseConversationId(reference.conversationId);
    await this.store.saveConversationRef(`teams:${key}`, { ...reference, conversationId: key }, this.now());
  }

  async getReference(conversationId: string): Promise<TeamsReference | undefined> {
    const ref = await this.store.getConversationRef(`teams:${baseConversationId(conversationId)}`);
    return ref && typeof ref === 'object' ? (ref as TeamsReference) : undefined;
  }
}
