import type { Input, Conversation } from '../input';
import type { Clock, Logger } from '../ports/ports';
import { scrubText } from '../scrub-text';
import type { AnswerLog, AskedMessage, LearningLog, ThreadContext, ThreadStore } from '../ports/store';
import { boundText, MAX_ESCALATION_TEXT } from './bound-text';
import { threadKey } from './thread-key';

/** A thread's context is kept a week: long enough to escalate a question from last Friday. */
export const THREAD_CONTEXT_TTL_SECONDS = 7 * 24 * 3600;

export interface AskRecord {
  input: Input;
  text: string;
  messageHash: string;
  /** Best match, when there was one worth naming. */
  articleId?: string;
  confidence?: number;
  /** The bot answered with the article (counts in `report`). */
  answered: boolean;
  /** What the bot did with it. */
  outcome: AskedMessage['outcome'];
}

/**
 * Remembers what the bot saw and said, for escalations (the thread's last message, article,
 * confidence, check lines) and for `report` (answers per article). Writes happen in the
 * background: a slow or unreachable database never delays or breaks an answer; failures are
 * logged. `idle()` waits for pending writes (tests, shutdown).
 */
export class ConversationMemory {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly store: ThreadStore & AnswerLog & LearningLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  rememberAsk(record: AskRecord): void {
    const at = this.clock.now();
    const key = threadKey(record.input.conversation);
    this.track('remember ask', async () => {
      if (record.answered && record.articleId !== undefined && record.confidence !== undefined) {
        await this.store.recordAnswer({ articleId: record.articleId, confidence: record.confidence, messageHash: record.messageHash, platform: record.input.actor.platform, at });
      }
      await this.store.recordAsked({
        messageHash: record.messageHash,
        text: scrubText(record.text),
        outcome: record.outcome,
        articleId: record.articleId,
        confidence: record.confidence,
        platform: record.input.actor.platform,
        at,
      });
      if (!key) return;
      const previous = await this.store.getThreadContext(key, at);
      await this.store.saveThreadContext(
        key,
        {
          text: boundText(record.text, MAX_ESCALATION_TEXT),
          articleId: record.articleId,
          confidence: record.confidence,
          messageHash: record.messageHash,
          checks: previous?.checks ?? [],
          at,
        },
        THREAD_CONTEXT_TTL_SECONDS,
      );
    });
  }

  /** Adds check result lines (no personal data: the caller passes codes and verdicts) to the thread. */
  rememberChecks(conversation: Conversation, lines: string[]): void {
    const key = threadKey(conversation);
    if (!key || lines.length === 0) return;
    const at = this.clock.now();
    this.track('remember checks', async () => {
      const previous = await this.store.getThreadContext(key, at);
      const checks = [...(previous?.checks ?? []), ...lines.map((l) => boundText(l, 300))].slice(-20);
      await this.store.saveThreadContext(key, { ...(previous ?? { text: '' }), checks, at }, THREAD_CONTEXT_TTL_SECONDS);
    });
  }

  /** The thread's last context; throws StoreError when the store is down (the caller decides). */
  async recall(conversation: Conversation): Promise<ThreadContext | undefined> {
    const key = threadKey(conversation);
    return key ? this.store.getThreadContext(key, this.clock.now()) : undefined;
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private track(what: string, write: () => Promise<void>): void {
    const p: Promise<void> = write()
      .catch((err: unknown) => this.logger.warn({ err: (err as Error).message, code: (err as { code?: string }).code }, `could not ${what}; the answer went out anyway`))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }
}
