import { spawnSync } from 'node:child_process';
import { runCli, type CliIo } from '../../src/cli/run-cli';
import { projectRoot } from '../../src/paths';

const ERROR = 'Request is unparsable, syntactically incorrect, or violates schema';
const cli = (args: string[], input?: string | Buffer) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: projectRoot, input, encoding: 'utf8', timeout: 30_000, maxBuffer: 8 * 1024 * 1024 });

describe('cli ask, as a real process', () => {
  it('reads the message from stdin with "-", including text too long for an argument', () => {
    const long = `${ERROR}\n${'  at a stack frame with nothing useful in it\n'.repeat(4_000)}`; // ~180 KB: over Linux's 128 KB per argument
    const run = cli(['ask', '-', '--json'], long);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { matches: Array<{ articleId: string }> }).matches[0]?.articleId).toBe('scim-sync-user-fails');
    const plain = cli(['ask', '-'], ERROR);
    expect([plain.status, plain.stdout]).toEqual([0, expect.stringMatching(/Likely cause/)]);
  });

  it('says so, with exit 2, for binary input', () => {
    const binary = cli(['ask', '-'], Buffer.from([0x41, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x42, 0x03, 0x04]));
    expect([binary.status, binary.stdout]).toEqual([2, '']);
    expect(binary.stderr).toMatch(/^ask: The input looks like binary data, not text\..*ask - < message\.txt\n$/);
  });

  it.each([
    ['control characters in the argument', ['ask', 'abc\u0001\u0002\u0003\u0004\u0005'], '', /binary data/],
    ['an empty stdin', ['ask', '-'], '', /ask needs the message text/],
    ['a paste over the size limit', ['ask', '-'], 'x'.repeat(1024 * 1024 + 1), /1,048,577 characters; the limit is 1,048,576/],
  ])('exits 2 for %s', async (_what, argv, stdin, message) => {
    const err: string[] = [];
    const out: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), readFile: () => stdin, env: {} };
    expect(await runCli(argv, io)).toBe(2);
    expect(err.join('')).toMatch(message);
    expect(out).toEqual([]);
  });
});
