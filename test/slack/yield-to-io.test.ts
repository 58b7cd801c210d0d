import { yieldToIo } from '../../src/slack/yield-to-io';

describe('yieldToIo', () => {
  it('releases waiters in order, one per event-loop turn, so I/O runs between any two', async () => {
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const released: number[] = [];
    await Promise.all(['a', 'b', 'c', 'd'].map(() => yieldToIo().then(() => released.push(turn))));
    ticking = false;
    expect(released).toHaveLength(4);
    for (let i = 1; i < released.length; i++) expect(released[i]!).toBeGreaterThan(released[i - 1]!);
  });

});
