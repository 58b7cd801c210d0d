import { MemoryStore } from '../../../src/core/ports/memory-store';
import { storeContract } from '../../store/store-contract';

describe('MemoryStore', () => {
  storeContract(async () => new MemoryStore());

  it('hands out copies: changing a result never changes what is stored', async () => {
    const store = new MemoryStore();
    const { escalation } = await store.openEscalation({ requester: { platform: 'slack', id: 'U1' }, origin: { platform: 'slack', channelId: 'C1' }, text: 't', checks: [] }, new Date(0));
    escalation.status = 'resolved';
    escalation.history.push({ at: new Date(0), actor: { platform: 'slack', id: 'x' }, action: 'claimed' });
    expect((await store.getEscalation(escalation.id))).toMatchObject({ status: 'open', history: [{ action: 'opened' }] });
  });
});
