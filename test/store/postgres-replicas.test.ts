/**
 * Two bot processes on one PostgreSQL database: two stores, two pools, one schema. The database
 * decides every race; the test fires the calls at the same moment from both.
 */
import type { KyselyStore } from '../../src/store/create-store';
import { createStore } from '../../src/store/create-store';
import { silentLogger } from '../../src/core/ports/ports';
import { describePostgres, freshSchema, type TestSchema } from '../helpers/postgres';
import { claim, draft } from './store-contract';

describePostgres('two processes on one PostgreSQL database', () => {
  let schema: TestSchema;
  let a: KyselyStore;
  let b: KyselyStore;
  const at = new Date('2025-03-01T09:00:00Z');

  beforeAll(async () => {
    schema = await freshSchema();
    // Both start at once: the Migrator's advisory lock lets one migrate, the other waits.
    [a, b] = await Promise.all([createStore({ kind: 'postgres', url: schema.url }, silentLogger), createStore({ kind: 'postgres', url: schema.url }, silentLogger)]);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await schema?.drop();
  });

  it('handles a retried Slack event exactly once across both', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `slack:event:Ev0${round}`;
      const results = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).firstSeen(key, 3600, at)));
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('lets exactly one of two simultaneous claimers win', async () => {
    for (let round = 0; round < 8; round++) {
      const { escalation } = await a.openEscalation(draft(`claim-${round}`), at);
      const bob = { platform: 'slack' as const, id: 'U0BOB', name: 'Bob' };
      const carol = { platform: 'slack' as const, id: 'U0CAROL', name: 'Carol' };
      const [byBob, byCarol] = await Promise.all([a.changeEscalation(escalation.id, claim(bob, at)), b.changeEscalation(escalation.id, claim(carol, at))]);
      expect([byBob, byCarol].filter(Boolean)).toHaveLength(1);
      const stored = await b.getEscalation(escalation.id);
      expect(stored?.history.filter((h) => h.action === 'claimed')).toHaveLength(1);
      expect(stored?.claimedBy?.id).toBe((byBob ?? byCarol)!.claimedBy!.id);
    }
  });

  it('opens one escalation per thread and hands out gap-free ids across both', async () => {
    const same = await Promise.all([a, b, a, b].map((s) => s.openEscalation(draft('one-thread'), at)));
    expect(same.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(same.map((r) => r.escalation.id)).size).toBe(1);
    const many = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).openEscalation(draft(`seq-${i}`), at)));
    const numbers = many.map((r) => Number(r.escalation.id.slice(4))).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => numbers[0]! + i));
  });

  it('reminds once when both replicas tick together', async () => {
    const { escalation } = await a.openEscalation(draft('remind-race'), at);
    const event = { at: new Date(at.getTime() + 3_600_000), actor: { platform: 'slack' as const, id: 'idc-assistant' }, action: 'reminded' as const };
    const results = await Promise.all([a.markReminded(escalation.id, event), b.markReminded(escalation.id, event), a.markReminded(escalation.id, event)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('recovers each stale inbox entry on exactly one of two replicas', async () => {
    for (let i = 0; i < 20; i++) await a.acceptDelivery({ key: `slack:event:EvInbox${i}`, platform: 'slack', payload: '{}', receivedAt: at }, 'dead-replica', at);
    const later = new Date(at.getTime() + 60_000);
    const claim = (store: KyselyStore, owner: string) => store.claimStaleDeliveries({ owner, now: later, leaseUntil: new Date(later.getTime() + 30_000), limit: 20, maxAttempts: 3 });
    const [byA, byB] = await Promise.all([claim(a, 'replica-a'), claim(b, 'replica-b')]);
    const keys = [...byA, ...byB].map((e) => e.key);
    expect(keys).toHaveLength(20);
    expect(new Set(keys).size).toBe(20);
  });
});
