import type { Escalation, EscalationEvent, EscalationStatus, MessageRef } from '../escalations/escalation';
import type { FeedbackEntry, LearningSignal } from './ports';
import { escalationId, FIRST_ESCALATION_NUMBER } from '../escalations/escalation-id';
import { MemoryInbox } from './memory-inbox';
import type {
  AnswerEntry,
  ArticleStats,
  AskedMessage,
  AuditEntry,
  EscalationChange,
  NewEscalation,
  Store,
  ThreadContext,
} from './store';
import { LEARNING_RETENTION_DAYS } from './store';
import { MemoryWatchStore } from '../watch/memory-watch-store';
import type { DeletedPrincipal } from '../watch/watch-ports';
import type { WatchAlert } from '../watch/watch-alert';

interface Row {
  escalation: Escalation;
  originKey?: string;
  openSince: number;
}

/**
 * The whole `Store` in memory: tests, the CLI and installations without a database. Lost on
 * restart, not shared between processes. Returns copies, as a database would, so callers can
 * never change stored state by mutating a result.
 */
export class MemoryStore implements Store {
  private readonly seen = new Map<string, number>();
  private readonly answeredThreads = new Map<string, number>();
  private readonly contexts = new Map<string, { context: ThreadContext; expires: number }>();
  private readonly refs = new Map<string, string>();
  private readonly escalations = new Map<string, Row>();
  private readonly votes = new Map<string, FeedbackEntry>();
  private readonly watch = new MemoryWatchStore();
  private nextNumber = FIRST_ESCALATION_NUMBER;
  private readonly inbox = new MemoryInbox();
  readonly acceptDelivery = this.inbox.acceptDelivery.bind(this.inbox);
  readonly renewDelivery = this.inbox.renewDelivery.bind(this.inbox);
  readonly finishDelivery = this.inbox.finishDelivery.bind(this.inbox);
  readonly markAnswering = this.inbox.markAnswering.bind(this.inbox);
  readonly claimStaleDeliveries = this.inbox.claimStaleDeliveries.bind(this.inbox);
  readonly audit: AuditEntry[] = [];
  readonly feedback: FeedbackEntry[] = [];
  readonly answers: AnswerEntry[] = [];
  private readonly asked = new Map<string, AskedMessage>();
  readonly signals: LearningSignal[] = [];

  async firstSeen(key: string, ttlSeconds: number, now = new Date()): Promise<boolean> {
    return claimKey(this.seen, key, ttlSeconds, now);
  }

  async markThreadAnswered(threadKey: string, ttlSeconds: number, now: Date): Promise<boolean> {
    return claimKey(this.answeredThreads, threadKey, ttlSeconds, now);
  }

  async recordLookup(entry: AuditEntry): Promise<void> {
    this.audit.push(structuredClone(entry));
  }

  async recentLookups(limit: number): Promise<AuditEntry[]> {
    return structuredClone(this.audit.slice(-limit).reverse());
  }

  async recordFeedback(entry: FeedbackEntry): Promise<void> {
    this.feedback.push(structuredClone(entry));
    this.votes.set(`${entry.articleId}\n${entry.messageHash}\n${entry.actor.platform}:${entry.actor.id}`, structuredClone(entry));
  }

  async recordSignal(signal: LearningSignal): Promise<void> {
    this.signals.push(structuredClone(signal));
  }

  async recordAsked(message: AskedMessage): Promise<void> {
    this.asked.set(message.messageHash, structuredClone(message));
  }

  async learningData(since: Date): Promise<{ messages: AskedMessage[]; signals: LearningSignal[] }> {
    const messages = [...this.asked.values()].filter((m) => m.at >= since).sort((a, b) => a.at.getTime() - b.at.getTime());
    const hashes = new Set(messages.map((m) => m.messageHash));
    return structuredClone({ messages, signals: this.signals.filter((s) => hashes.has(s.messageHash)) });
  }

  async recordAnswer(entry: AnswerEntry): Promise<void> {
    this.answers.push(structuredClone(entry));
  }

  async articleStats(since?: Date): Promise<ArticleStats[]> {
    const inWindow = (at: Date) => !since || at.getTime() >= since.getTime();
    const stats = new Map<string, ArticleStats>();
    const get = (articleId: string) => {
      let s = stats.get(articleId);
      if (!s) stats.set(articleId, (s = { articleId, answers: 0, helpful: 0, notHelpful: 0 }));
      return s;
    };
    for (const a of this.answers) if (inWindow(a.at)) get(a.articleId).answers++;
    for (const v of this.votes.values()) {
      if (!inWindow(v.at)) continue;
      if (v.helpful) get(v.articleId).helpful++;
      else get(v.articleId).notHelpful++;
    }
    return [...stats.values()].sort((a, b) => b.answers - a.answers || a.articleId.localeCompare(b.articleId));
  }

  async saveThreadContext(threadKey: string, context: ThreadContext, ttlSeconds: number): Promise<void> {
    this.contexts.set(threadKey, { context: structuredClone(context), expires: context.at.getTime() + ttlSeconds * 1000 });
  }

  async getThreadContext(threadKey: string, now: Date): Promise<ThreadContext | undefined> {
    const entry = this.contexts.get(threadKey);
    return entry && entry.expires > now.getTime() ? structuredClone(entry.context) : undefined;
  }

  async saveConversationRef(key: string, reference: unknown): Promise<void> {
    this.refs.set(key, JSON.stringify(reference));
  }

  async getConversationRef(key: string): Promise<unknown> {
    const json = this.refs.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  async openEscalation(draft: NewEscalation, at: Date): Promise<{ escalation: Escalation; created: boolean }> {
    if (draft.originKey) {
      for (const row of this.escalations.values()) {
        if (row.originKey === draft.originKey) return { escalation: structuredClone(row.escalation), created: false };
      }
    }
    const escalation: Escalation = {
      id: escalationId(this.nextNumber++),
      status: 'open',
      createdAt: at,
      updatedAt: at,
      requester: draft.requester,
      origin: draft.origin,
      text: draft.text,
      articleId: draft.articleId,
      confidence: draft.confidence,
      checks: draft.checks,
      note: draft.note,
      history: [{ at, actor: draft.requester, action: 'opened', note: draft.note }],
    };
    this.escalations.set(escalation.id, { escalation: structuredClone(escalation), originKey: draft.originKey, openSince: at.getTime() });
    return { escalation: structuredClone(escalation), created: true };
  }

  async getEscalation(id: string): Promise<Escalation | undefined> {
    const row = this.escalations.get(id);
    return row && structuredClone(row.escalation);
  }

  async changeEscalation(id: string, change: EscalationChange): Promise<Escalation | undefined> {
    const row = this.escalations.get(id);
    if (!row || !change.from.includes(row.escalation.status)) return undefined;
    const e = row.escalation;
    e.status = change.to;
    e.updatedAt = change.event.at;
    if (change.claimedBy === null) delete e.claimedBy;
    else if (change.claimedBy) e.claimedBy = structuredClone(change.claimedBy);
    if (change.resolution === null) delete e.resolution;
    else if (change.resolution !== undefined) e.resolution = change.resolution;
    if (change.to === 'open') {
      row.openSince = change.event.at.getTime();
      delete e.remindedAt;
    }
    e.history.push(structuredClone(change.event));
    return structuredClone(e);
  }

  async setSupportMessage(id: string, ref: MessageRef): Promise<void> {
    const row = this.escalations.get(id);
    if (row) row.escalation.supportMessage = JSON.parse(JSON.stringify(ref)) as MessageRef;
  }

  async listEscalations(filter: { status: readonly EscalationStatus[]; unposted?: boolean; limit: number }): Promise<Escalation[]> {
    return this.oldestFirst((r) => filter.status.includes(r.escalation.status) && (!filter.unposted || !r.escalation.supportMessage), filter.limit);
  }

  async countEscalations(status: readonly EscalationStatus[]): Promise<number> {
    return [...this.escalations.values()].filter((r) => status.includes(r.escalation.status)).length;
  }

  async dueReminders(openBefore: Date, limit: number): Promise<Escalation[]> {
    return this.oldestFirst((r) => r.escalation.status === 'open' && !r.escalation.remindedAt && r.openSince <= openBefore.getTime(), limit);
  }

  async markReminded(id: string, event: EscalationEvent): Promise<boolean> {
    const row = this.escalations.get(id);
    if (!row || row.escalation.status !== 'open' || row.escalation.remindedAt) return false;
    row.escalation.remindedAt = event.at;
    row.escalation.history.push(structuredClone(event));
    return true;
  }

  takeLease(name: string, holder: string, ttlSeconds: number, now: Date): Promise<boolean> {
    return this.watch.takeLease(name, holder, ttlSeconds, now);
  }

  releaseLease(name: string, holder: string): Promise<void> {
    return this.watch.releaseLease(name, holder);
  }

  getWatchCursor(name: string): Promise<Date | undefined> {
    return this.watch.getWatchCursor(name);
  }

  setWatchCursor(name: string, at: Date): Promise<void> {
    return this.watch.setWatchCursor(name, at);
  }

  addWatchAlerts(alerts: readonly WatchAlert[], now: Date): Promise<void> {
    return this.watch.addWatchAlerts(alerts, now);
  }

  dueWatchAlerts(reportedBefore: Date, limit: number): Promise<WatchAlert[]> {
    return this.watch.dueWatchAlerts(reportedBefore, limit);
  }

  markWatchReported(keys: readonly string[], at: Date): Promise<void> {
    return this.watch.markWatchReported(keys, at);
  }

  recordDeletion(principal: DeletedPrincipal): Promise<void> {
    return this.watch.recordDeletion(principal);
  }

  recentDeletions(since: Date): Promise<DeletedPrincipal[]> {
    return this.watch.recentDeletions(since);
  }

  async ping(): Promise<void> {}

  async sweep(now: Date): Promise<number> {
    const t = now.getTime();
    let removed = 0;
    for (const map of [this.seen, this.answeredThreads]) {
      for (const [k, expires] of map) if (expires <= t && map.delete(k)) removed++;
    }
    for (const [k, { expires }] of this.contexts) if (expires <= t && this.contexts.delete(k)) removed++;
    const kept = t - LEARNING_RETENTION_DAYS * 86_400_000;
    for (const [k, m] of this.asked) if (m.at.getTime() < kept && this.asked.delete(k)) removed++;
    const before = this.signals.length;
    this.signals.splice(0, this.signals.length, ...this.signals.filter((x) => x.at.getTime() >= kept));
    return removed + before - this.signals.length + this.inbox.sweep(now);
  }

  async close(): Promise<void> {}

  private oldestFirst(keep: (row: Row) => boolean, limit: number): Escalation[] {
    return [...this.escalations.values()]
      .filter(keep)
      .sort((a, b) => a.escalation.createdAt.getTime() - b.escalation.createdAt.getTime() || number(a) - number(b))
      .slice(0, limit)
      .map((r) => structuredClone(r.escalation));
  }
}

const number = (row: Row) => Number(row.escalation.id.slice(4));

function claimKey(map: Map<string, number>, key: string, ttlSeconds: number, now: Date): boolean {
  const t = now.getTime();
  const expires = map.get(key);
  if (expires !== undefined && expires > t) return false;
  map.set(key, t + ttlSeconds * 1000);
  if (map.size > 100_000) for (const [k, e] of map) if (e <= t) map.delete(k);
  return true;
}
