import type { People } from '../../src/core/ports/people';
import type { SupportPolicy } from '../../src/core/escalations/support-team';
import { ConversationMemory } from '../../src/core/escalations/conversation-memory';
import { EscalationService, type EscalationServiceOptions } from '../../src/core/escalations/escalation-service';
import { silentLogger, type Logger } from '../../src/core/ports/ports';
import type { Store } from '../../src/core/ports/store';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { buildAssistant, shippedArticles } from './builders';
import { FakeClock } from './fake-clock';
import { FakeSupportDesk } from './fake-support-desk';

/** An Assistant with the escalation flow on a store, a fake clock and fake support desks. */
export function buildEscalations(
  over: { store?: Store; desks?: FakeSupportDesk[]; remindAfterMinutes?: number; logger?: Logger; support?: SupportPolicy; groups?: People; articleIds?: boolean; metrics?: EscalationServiceOptions['metrics'] } = {},
) {
  const store = over.store ?? new MemoryStore();
  const clock = new FakeClock();
  const logger = over.logger ?? silentLogger;
  const memory = new ConversationMemory(store, clock, logger);
  const service = new EscalationService({
    store,
    memory,
    clock,
    logger,
    remindAfterMinutes: over.remindAfterMinutes ?? 30,
    support: over.support,
    groups: over.groups,
    audit: store,
    metrics: over.metrics,
    // With `articleIds`, a resolution may only name a shipped article (as in the app).
    ...(over.articleIds ? { articleIds: new Set(shippedArticles().map((a) => a.id)) } : {}),
  });
  const desks = over.desks ?? [new FakeSupportDesk()];
  for (const d of desks) service.addDesk(d);
  const assistant = buildAssistant({ clock, logger, feedback: store, escalations: service, memory });
  return { store, clock, memory, service, desks, desk: desks[0]!, assistant };
}
