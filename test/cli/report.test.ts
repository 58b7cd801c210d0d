import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../src/cli/run-cli';
import { encodeAction } from '../../src/core/commands/action-payload';
import type { Reply } from '../../src/core/replies/reply';
import { silentLogger } from '../../src/core/ports/ports';
import { createStore } from '../../src/store/create-store';
import { buildEscalations } from '../helpers/build-escalations';

function io(env: NodeJS.ProcessEnv): CliIo & { stdout: string; stderr: string } {
  const captured = { stdout: '', stderr: '' };
  return Object.assign(captured, {
    out: (t: string) => void (captured.stdout += t),
    err: (t: string) => void (captured.stderr += t),
    readFile: () => '',
    env,
  });
}

describe('cli report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idc-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows answers and helpful rates per article from what the bot recorded', async () => {
    const dataDir = join(dir, 'data');
    const store = await createStore({ kind: 'sqlite', file: join(dataDir, 'idc-assistant.sqlite') }, silentLogger);
    const w = buildEscalations({ store });
    const actor = (id: string) => ({ platform: 'slack' as const, id });
    const conversation = { platform: 'slack' as const, channelId: 'C1', threadId: '1.1' };
    const replies: Array<Reply | null> = [];
    for (const text of [
      'Request is unparsable, syntactically incorrect, or violates schema',
      'SCIM says: Request is unparsable, syntactically incorrect, or violates schema (user bob)',
      "Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS",
      'what time is the standup?',
    ]) {
      replies.push(await w.assistant.handle({ text, trigger: 'mention', actor: actor('U1'), conversation }));
    }
    await w.memory.idle();
    const feedbackValue = (i: number) => replies[i]!.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : [])).find((a) => a.id === 'feedback.helpful')!.value;
    await w.assistant.act({ id: 'feedback.helpful', value: feedbackValue(0), actor: actor('U1'), conversation });
    await w.assistant.act({ id: 'feedback.not_helpful', value: feedbackValue(0), actor: actor('U2'), conversation });
    await w.assistant.act({ id: 'feedback.helpful', value: feedbackValue(1), actor: actor('U2'), conversation });
    await w.assistant.act({ id: 'feedback.helpful', value: encodeAction({ a: 'protected-role-awsreservedsso', h: 'x' }), actor: actor('U3'), conversation });
    await store.close();

    const text = io({ DATA_DIR: dataDir });
    expect(await runCli(['report'], text)).toBe(0);
    expect(text.stdout.split('\n').slice(0, 5)).toEqual([
      'article                        answers  helpful  not helpful  helpful rate',
      'scim-sync-user-fails                 2        2            1           67%',
      'protected-role-awsreservedsso        1        1            0          100%',
      '',
      'total: 3 answers, 4 votes (3 helpful)',
    ]);
    // What got no answer, or an answer voted down, grouped: the gaps in the knowledge base.
    expect(text.stdout).toMatch(/Gaps: messages without a good answer/);
    expect(text.stdout).toMatch(/ {3}1 {2}1 silent\n {6}“what time is the standup\?”/);
    expect(text.stdout).toMatch(/ {3}1 {2}1 not helpful \(voted down: scim-sync-user-fails\)\n {6}“Request is unparsable/);
    const json = io({ DATA_DIR: dataDir });
    expect(await runCli(['report', '--json'], json)).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.articles).toEqual([
      { articleId: 'scim-sync-user-fails', answers: 2, helpful: 2, notHelpful: 1 },
      { articleId: 'protected-role-awsreservedsso', answers: 1, helpful: 1, notHelpful: 0 },
    ]);
    expect(report.gaps).toEqual(
      expect.arrayContaining([
        { messages: 1, outcomes: { silent: 1 }, example: 'what time is the standup?', articles: [] },
        expect.objectContaining({ messages: 1, outcomes: { 'not helpful': 1 }, articles: ['scim-sync-user-fails'] }),
      ]),
    );
  });

  it('says when nothing is recorded yet', async () => {
    const empty = io({ DATA_DIR: join(dir, 'empty') });
    expect(await runCli(['report'], empty)).toBe(0);
    expect(empty.stdout).toBe('No answers or feedback recorded yet.\n\nNo unanswered, undocumented or not-helpful messages in the last 90 days.\n');
  });

  it('names the variable when the store is misconfigured or unreachable', async () => {
    const badUrl = io({ DATABASE_URL: 'mysql://root@localhost/idc' });
    expect(await runCli(['report'], badUrl)).toBe(2);
    expect(badUrl.stderr).toMatch(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);

    const notADir = join(dir, 'a-file');
    writeFileSync(notADir, 'x');
    const badDir = io({ DATA_DIR: notADir });
    expect(await runCli(['report'], badDir)).toBe(1);
    expect(badDir.stderr).toMatch(/Cannot open the SQLite store[\s\S]*Make DATA_DIR a writable directory/);

    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const down = io({ DATABASE_URL: `postgres://postgres:s3cret@127.0.0.1:${port}/test` });
    expect(await runCli(['report'], down)).toBe(1);
    expect(down.stderr).toMatch(/PostgreSQL is unreachable[\s\S]*Check that the PostgreSQL server in DATABASE_URL is running/);
    expect(down.stderr).not.toContain('s3cret');
  });
});
