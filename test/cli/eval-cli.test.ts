import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runCli, type CliIo } from '../../src/cli/run-cli';
import { fixturesDir } from '../helpers/builders';

function io(files: Record<string, string> = {}): CliIo & { stdout: string; stderr: string } {
  const out = { stdout: '', stderr: '' };
  return Object.assign(out, {
    out: (t: string) => void (out.stdout += t),
    err: (t: string) => void (out.stderr += t),
    readFile: (p: string) => {
      if (p in files) return files[p]!;
      return readFileSync(p, 'utf8');
    },
    env: {},
  });
}

describe('cli eval', () => {
  it('prints one JSON object: cases in input order with label, predicted and ranked, and a summary with a reliability table', async () => {
    const lines = [
      { text: 'Request is unparsable, syntactically incorrect, or violates schema', label: 'scim-sync-user-fails' },
      { text: 'lunch?', label: 'none' },
      { text: 'Invalid MFA credentials after the okta redirect', label: 'invalid-mfa-credentials' },
      { text: 'our sync tool fails on group membership updates to identity center', label: 'other-idc', alt: 'scim-group-operations' },
    ];
    const x = io({ 'cases.jsonl': lines.map((l) => JSON.stringify(l)).join('\n') });
    expect(await runCli(['eval', 'cases.jsonl', '--json'], x)).toBe(0);
    const result = JSON.parse(x.stdout);
    expect(result.cases.map((c: { label: string }) => c.label)).toEqual(lines.map((l) => l.label));
    expect(result.cases[0]).toMatchObject({ label: 'scim-sync-user-fails', outcome: 'answer', predicted: 'scim-sync-user-fails', ranked: expect.arrayContaining(['scim-sync-user-fails']) });
    expect(result.cases[1]).toMatchObject({ label: 'none', outcome: 'silent', predicted: null, ranked: [] });
    expect(result.cases[3]).toMatchObject({ label: 'other-idc', alt: 'scim-group-operations' });
    for (const c of result.cases) expect(['answer', 'clarify', 'undocumented', 'silent']).toContain(c.outcome);
    expect(result.summary).toMatchObject({ cases: 4, positives: 2, otherIdc: 1, negatives: 1, falseAlarmMention: 0 });
    expect(result.summary.reliability.map((b: { from: number }) => b.from)).toEqual([0.1, 0.3, 0.5, 0.7, 0.8, 0.9]);
    expect(typeof result.summary.calibrationError).toBe('number');
  });

  it('prints the rates and the reliability table as text', async () => {
    const x = io();
    // Synthetic messages test the command, never the matcher's quality (the sealed holdout is scored by hand, once).
    expect(await runCli(['eval', join(fixturesDir, 'synthetic', 'messages.jsonl')], x)).toBe(0);
    expect(x.stdout).toMatch(/^cases: 78 \(\d+ with an article, 0 other-idc, \d+ none\)$/m);
    expect(x.stdout).toMatch(/top-1 \(answered right\): \d+\.\d% {2}first-ranked right: \d+\.\d% {2}top-3: \d+\.\d%/);
    expect(x.stdout).toMatch(/other-idc: given an article/);
    expect(x.stdout).toMatch(/calibration \(confidence → share right\)/);
    expect(x.stdout).toMatch(/0\.90–1\.00: \d+ cases, mean 0\.9\d, right \d+\.\d%/);
  });

  it.each([
    ['a line that is not JSON', '{"text": "a", "label": "none"}\n{oops', /line 2: not valid JSON/],
    ['a line without a label', '{"text": "a"}', /line 1: needs "text" and "label"/],
    ['a label that is no article', '{"text": "a", "label": "scim-sync-user-fail"}', /line 1: label "scim-sync-user-fail" is not an article id, "other-idc" or "none"/],
    ['an alt that is no article', '{"text": "a", "label": "none", "alt": "nope"}', /line 1: alt "nope" is not an article id/],
  ])('refuses %s and names the line', async (_name, content, expected) => {
    const x = io({ 'bad.jsonl': content });
    expect(await runCli(['eval', 'bad.jsonl'], x)).toBe(2);
    expect(x.stderr).toMatch(expected);
    expect(x.stdout).toBe('');
  });

  it('names a missing file', async () => {
    const x = io();
    expect(await runCli(['eval', '/nonexistent/cases.jsonl'], x)).toBe(2);
    expect(x.stderr).toMatch(/File not found: \/nonexistent\/cases\.jsonl/);
  });
});
