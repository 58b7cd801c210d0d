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
    ];
    const x = io({ 'cases.jsonl': lines.map((l) => JSON.stringify(l)).join('\n') });
    expect(await runCli(['eval', 'cases.jsonl', '--json'], x)).toBe(0);
    const result = JSON.parse(x.stdout);
    expect(result.cases.map((c: { label: string }) => c.label)).toEqual(lines.map((l) => l.label));
    expect(result.cases[0]).toMatchObject({ label: 'scim-sync-user-fails', predicted: 'scim-sync-user-fails', ranked: expect.arrayContaining(['scim-sync-user-fails']) });
    expect(result.cases[1]).toMatchObject({ label: 'none', predicted: null, ranked: [] });
    expect(result.summary).toMatchObject({ cases: 3, positives: 2, negatives: 1, top1: 1, falseAlarmMention: 0 });
    expect(result.summary.reliability.map((b: { from: number }) => b.from)).toEqual([0.25, 0.45, 0.6, 0.7, 0.8, 0.9]);
    expect(typeof result.summary.calibrationError).toBe('number');
  });

  it('prints the rates and the reliability table as text', async () => {
    const x = io();
    expect(await runCli(['eval', join(fixturesDir, 'eval', 'holdout.jsonl')], x)).toBe(0);
    expect(x.stdout).toMatch(/^cases: 41 \(23 with an article, 18 that must get none\)$/m);
    expect(x.stdout).toMatch(/top-1: \d+\.\d% {2}top-3: \d+\.\d%/);
    expect(x.stdout).toMatch(/calibration \(confidence → share right\)/);
    expect(x.stdout).toMatch(/0\.90–1\.00: \d+ cases, mean 0\.9\d, right \d+\.\d%/);
  });

  it.each([
    ['a line that is not JSON', '{"text": "a", "label": "none"}\n{oops', /line 2: not valid JSON/],
    ['a line without a label', '{"text": "a"}', /line 1: needs "text" and "label"/],
    ['a label that is no article', '{"text": "a", "label": "scim-sync-user-fail"}', /line 1: label "scim-sync-user-fail" is neither "none" nor an article id/],
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
