import { createOfflineChecks, INLINE_LINT_CHARS } from '../../src/checks/create-offline-checks';
import { lintSaml } from '../../src/checks/saml/lint-saml';
import { WorkerLinter } from '../../src/checks/worker-linter';
import { nestedSignatures } from './hostile-shapes';

describe('WorkerLinter: large documents are linted off the event loop', () => {
  const linter = new WorkerLinter();
  afterAll(() => linter.close());

  it('returns the same report as the linter on the main thread', async () => {
    const xml = nestedSignatures(300);
    expect(await linter.lint('saml', xml)).toEqual(lintSaml(xml));
    expect((await linter.lint('scim', '{"userName": null}')).rules.find((r) => r.id === 'scim-null-values')?.status).toBe('fail');
  });

  it('keeps the event loop free while it works: timers fire before the report arrives', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const report = await linter.lint('saml', nestedSignatures(4000));
    clearInterval(timer);
    expect(report.verdict).toBe('fail');
    expect(ticks).toBeGreaterThan(0);
  });

  it('stops a job past its time budget, says so, and serves the next one with a fresh worker', async () => {
    const strict = new WorkerLinter(1);
    try {
      const slow = await strict.lint('saml', nestedSignatures(4000));
      expect(slow.error).toBe('The SAML check took longer than 0.001 s and was stopped. Paste a single, smaller document.');
    } finally {
      await strict.close();
    }
  });

  it('sends pastes above the inline size to the worker, smaller ones are linted in place', async () => {
    const jobs: string[] = [];
    const spy = { lint: async (kind: 'saml' | 'scim', text: string) => (jobs.push(kind), lintSaml(text)), close: async () => {} } as unknown as WorkerLinter;
    const offline = createOfflineChecks({}, spy);
    await offline.lintSaml(nestedSignatures(10));
    expect(jobs).toEqual([]);
    const big = nestedSignatures(2000);
    expect(big.length).toBeGreaterThan(INLINE_LINT_CHARS);
    await offline.lintSaml(big);
    await offline.lintScim(`{"userName": "${'x'.repeat(INLINE_LINT_CHARS)}"}`);
    expect(jobs).toEqual(['saml', 'scim']);
  });
});
