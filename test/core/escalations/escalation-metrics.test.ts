/**
 * idc_escalations_open through the escalation flow: set at start from the store, and whenever an
 * escalation opens, is resolved or reopened (open and claimed count; resolved does not).
 */
import type { Actor, Conversation } from '../../../src/core/input';
import { PrometheusMetrics } from '../../../src/metrics/prometheus-metrics';
import { MemoryStore } from '../../../src/core/ports/memory-store';
import { buildEscalations } from '../../helpers/build-escalations';

const alice: Actor = { platform: 'slack', id: 'U0ALICE', name: 'Alice' };
const bob: Actor = { platform: 'slack', id: 'U0BOB', name: 'Bob' };
const thread = (ts: string): Conversation => ({ platform: 'slack', channelId: 'C0HELP', threadId: ts });
const support: Conversation = { platform: 'slack', channelId: 'C0SUPPORT' };

async function gauge(metrics: PrometheusMetrics): Promise<number> {
  return Number(/^idc_escalations_open (\d+)$/m.exec(await metrics.render())?.[1]);
}

describe('idc_escalations_open', () => {
  it('is set at start and follows opens, claims, resolves and reopens', async () => {
    const store = new MemoryStore();
    const metrics = new PrometheusMetrics();
    const w = buildEscalations({ store, metrics });
    await store.openEscalation({ requester: alice, origin: thread('1.1'), text: 'from before the restart', checks: [] }, w.clock.now());
    metrics.escalationsOpen(99); // a stale value: start() replaces it from the store
    const stop = w.service.start(60_000);
    stop();
    await new Promise((r) => setImmediate(r));
    expect(await gauge(metrics)).toBe(1);

    const say = (by: Actor, where: Conversation, text: string) => w.assistant.handle({ text, trigger: by === alice ? 'mention' : 'command', actor: by, conversation: where });
    expect(JSON.stringify(await say(alice, thread('2.2'), 'escalate please'))).toMatch(/ESC-1002/);
    expect(await gauge(metrics)).toBe(2);
    await say(alice, thread('2.2'), 'escalate again'); // the same thread: linked, not counted twice
    expect(await gauge(metrics)).toBe(2);
    await say(bob, support, 'escalation claim ESC-1002');
    expect(await gauge(metrics)).toBe(2); // claimed is still unresolved
    expect(JSON.stringify(await say(bob, support, 'escalation resolve ESC-1002 re-synced the user'))).toMatch(/You resolved ESC-1002/);
    expect(await gauge(metrics)).toBe(1);
    expect(JSON.stringify(await say(alice, thread('2.2'), 'escalate broken again'))).toMatch(/Reopened ESC-1002/);
    expect(await gauge(metrics)).toBe(2);
    await say(bob, support, 'escalation resolve ESC-1001 answered in the thread');
    expect(await gauge(metrics)).toBe(1);
  });

  it('converges on the store at every tick (another replica resolved one)', async () => {
    const store = new MemoryStore();
    const metrics = new PrometheusMetrics();
    const w = buildEscalations({ store, metrics });
    await w.assistant.handle({ text: 'escalate please', trigger: 'mention', actor: alice, conversation: thread('3.3') });
    expect(await gauge(metrics)).toBe(1);
    await store.changeEscalation('ESC-1001', { from: ['open', 'claimed'], to: 'resolved', resolution: 'elsewhere', event: { at: w.clock.now(), actor: bob, action: 'resolved' } });
    expect(await gauge(metrics)).toBe(1);
    await w.service.tick();
    expect(await gauge(metrics)).toBe(0);
  });
});
