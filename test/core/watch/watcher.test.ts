import { MemoryStore } from '../../../src/core/ports/memory-store';
import type { WatchAlert } from '../../../src/core/watch/watch-alert';
import type { WatchEvent, WatchRead, WatchSource, WatchWindow } from '../../../src/core/watch/watch-ports';
import { Watcher } from '../../../src/core/watch/watcher';
import { FakeClock } from '../../helpers/fake-clock';
import { RecordingPoster } from '../../helpers/recording-poster';
import { recordingLogger } from '../../teams/recording-logger';

/** A source whose events are alerts in disguise: each event key `kind:subject` becomes one finding. */
class ScriptedSource implements WatchSource {
  events: Array<WatchEvent & { at: Date }> = [];
  windows: WatchWindow[] = [];
  async read(window: WatchWindow): Promise<WatchRead<WatchEvent>> {
    this.windows.push(window);
    return { events: this.events.filter((e) => e.at >= window.start && e.at <= window.end), truncated: false, calls: 4 };
  }
  async findings(events: readonly WatchEvent[]): Promise<WatchAlert[]> {
    return events.map((e) => {
      const at = (e as WatchEvent & { at: Date }).at;
      const subject = e.key.split('#')[0]!;
      return { kind: 'scim-failure', key: `scim-failure:${subject}`, subject, article: 'scim-sync-user-fails', count: 1, first: at, last: at, detail: 'SCIM PatchUser rejected: ValidationException.' };
    });
  }
}

describe('Watcher (core, fake source)', () => {
  let clock: FakeClock;
  let source: ScriptedSource;
  let store: MemoryStore;
  let poster: RecordingPoster;
  let n = 0;
  const happen = (subject: string, minutesAgo = 1) => source.events.push({ key: `${subject}#${++n}`, at: new Date(clock.now().getTime() - minutesAgo * 60_000) });
  const make = (over: Partial<ConstructorParameters<typeof Watcher>[0]> = {}) => new Watcher({ source, store, posters: [poster], clock, logger: recordingLogger().logger, intervalMinutes: 5, ...over });

  beforeEach(() => {
    clock = new FakeClock();
    source = new ScriptedSource();
    store = new MemoryStore();
    poster = new RecordingPoster();
  });

  it('stays quiet when nothing is wrong: no empty digest', async () => {
    const w = make();
    for (let i = 0; i < 3; i++) {
      expect((await w.runOnce()).outcome).toBe('quiet');
      clock.advance(5);
    }
    expect(poster.posted).toEqual([]);
  });

  it('summarises a finding that keeps happening again at most once a day, with the count since the last digest', async () => {
    const w = make();
    happen('alice');
    expect((await w.runOnce()).reported).toEqual([expect.objectContaining({ subject: 'alice', count: 1 })]);
    for (let i = 0; i < 12 * 24 - 1; i++) {
      clock.advance(5);
      happen('alice');
      const pass = await w.runOnce();
      expect(pass.outcome).toBe('quiet');
      expect(pass.found).toHaveLength(1);
    }
    expect(poster.posted).toHaveLength(1);
    clock.advance(5); // a day after the first digest
    const daily = await w.runOnce();
    expect(daily.outcome).toBe('posted');
    expect(daily.reported).toEqual([expect.objectContaining({ subject: 'alice', count: 12 * 24 - 1 })]);
    expect(poster.posted).toHaveLength(2);
  });

  it('a summary that stopped happening still gets its daily line, and then silence', async () => {
    const w = make();
    happen('bob');
    await w.runOnce();
    clock.advance(5);
    happen('bob');
    expect((await w.runOnce()).outcome).toBe('quiet');
    clock.advance(24 * 60);
    expect((await w.runOnce()).reported).toEqual([expect.objectContaining({ subject: 'bob', count: 1 })]);
    clock.advance(24 * 60);
    expect((await w.runOnce()).outcome).toBe('quiet');
  });

  it('keeps findings whose digest could not be posted, and posts them at the next pass', async () => {
    const log = recordingLogger();
    const w = make({ logger: log.logger });
    poster.fail = true;
    happen('carol');
    expect((await w.runOnce()).outcome).toBe('unposted');
    expect(log.text()).toMatch(/could not post the digest; it is kept for the next pass/);
    poster.fail = false;
    clock.advance(5);
    const next = await w.runOnce();
    expect(next.outcome).toBe('posted');
    expect(next.reported).toEqual([expect.objectContaining({ subject: 'carol', count: 1 })]);
  });

  it('puts at most ten lines in a digest and the rest in the next', async () => {
    const w = make();
    for (let i = 0; i < 13; i++) happen(`user-${String(i).padStart(2, '0')}`, 13 - i);
    const first = await w.runOnce();
    expect(first.reported).toHaveLength(10);
    expect(first.digest!.blocks.at(-1)).toEqual({ type: 'context', text: '3 more findings follow in the next digest.' });
    clock.advance(5);
    expect((await w.runOnce()).reported.map((a) => a.subject)).toEqual(['user-10', 'user-11', 'user-12']);
  });

  it('keeps the digest as the thread context, so its Escalate button escalates what it said', async () => {
    happen('dave');
    await make().runOnce();
    const context = await store.getThreadContext('slack:C0WATCH:1.000', clock.now());
    expect(context).toMatchObject({ articleId: 'scim-sync-user-fails', checks: ['watch scim-failure: 1× (scim-sync-user-fails)'] });
    expect(context!.text).toMatch(/SCIM provisioning failed: dave/);
  });

  it('reads from the stored cursor minus the overlap, and a replica without the lease does nothing', async () => {
    const w = make();
    await w.runOnce();
    const cursor = clock.now();
    clock.advance(5);
    await w.runOnce();
    expect(source.windows[1]).toEqual({ start: new Date(cursor.getTime() - 15 * 60_000), end: clock.now() });
    const other = make({ holder: 'someone-else' });
    expect((await other.runOnce()).outcome).toBe('not-leader');
    expect(source.windows).toHaveLength(2);
  });
});
