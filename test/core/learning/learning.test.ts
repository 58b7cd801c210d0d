import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo } from '../../../src/cli/run-cli';
import { candidateExamples } from '../../../src/core/learning/candidate-examples';
import { groupSimilar } from '../../../src/core/learning/group-similar';
import { resolutionArticle } from '../../../src/core/escalations/resolution-article';
import { silentLogger } from '../../../src/core/ports/ports';
import { scrubText } from '../../../src/core/scrub-text';
import type { Reply } from '../../../src/core/replies/reply';
import { createStore } from '../../../src/store/create-store';
import { buildEscalations } from '../../helpers/build-escalations';

describe('scrubbing what is kept for learning', () => {
  it('removes e-mails, tokens, keys, account ids and ARNs, and bounds the text', () => {
    const raw = [
      'jane.doe@example.com cannot sign in; role arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0123456789abcdef',
      'account 444455556666, SLACK xoxb-1234-5678-abcdefgh, Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefgh',
      'password=hunter2hunter2 AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    ].join('\n');
    const out = scrubText(raw);
    for (const secret of ['jane.doe@example.com', '111122223333', '444455556666', 'xoxb-1234', 'eyJhbGci', 'hunter2hunter2', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('<email> cannot sign in');
    expect(scrubText('x'.repeat(10_000)).length).toBeLessThanOrEqual(2_000);
  });
});

describe('what resolutions and choices teach', () => {
  it('reads the article a resolution names, or "no article"', () => {
    expect(resolutionArticle('kb scim-sync-user-fails: re-mapped the phone attribute')).toEqual({ articleId: 'scim-sync-user-fails', text: 're-mapped the phone attribute' });
    expect(resolutionArticle('no-article, the SCP blocked it')).toEqual({ articleId: null, text: 'the SCP blocked it' });
    expect(resolutionArticle('restarted the connector')).toEqual({ articleId: undefined, text: 'restarted the connector' });
  });

  it('labels each message by its strongest signal: resolution, then choice, then vote', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    const actor = { platform: 'slack' as const, id: 'U1' };
    const msg = (h: string, text: string) => ({ messageHash: h, text, outcome: 'clarify' as const, platform: 'slack' as const, at });
    const lines = candidateExamples(
      [msg('a', 'okta push fails for bob@example.com'), msg('b', 'portal shows no accounts'), msg('c', 'weird sso thing'), msg('d', 'nobody said anything')],
      [
        { messageHash: 'a', kind: 'helpful', articleId: 'scim-token-expired', actor, at },
        { messageHash: 'a', kind: 'resolved', articleId: 'scim-sync-user-fails', actor, at },
        { messageHash: 'b', kind: 'clarify', articleId: 'portal-no-accounts', actor, at },
        { messageHash: 'c', kind: 'not_helpful', articleId: 'its-not-you-its-us', actor, at },
      ],
    );
    expect(lines.map((l) => [l.label, l.signal, l.text])).toEqual([
      ['scim-sync-user-fails', 'resolved', 'okta push fails for <email>'],
      ['portal-no-accounts', 'clarify', 'portal shows no accounts'],
      ['needs-label', 'not_helpful', 'weird sso thing'],
    ]);
    expect(lines[0]!.source).toBe('chat:slack:a');
  });

  it('groups similar messages, largest group first', () => {
    const groups = groupSimilar(['aws sso login fails with InvalidGrantException', 'lunch?', 'aws sso login fails: InvalidGrantException again', 'sso login InvalidGrantException on my laptop'], (t) => t);
    expect(groups[0]).toHaveLength(3);
    expect(groups[1]).toEqual(['lunch?']);
  });
});

describe('cli examples export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idc-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io = (env: NodeJS.ProcessEnv): CliIo & { stdout: string; stderr: string } => {
    const c = { stdout: '', stderr: '' };
    return Object.assign(c, { out: (t: string) => void (c.stdout += t), err: (t: string) => void (c.stderr += t), readFile: () => '', env });
  };

  it('writes scrubbed candidate examples from clarify choices, votes and resolutions that name an article', async () => {
    const dataDir = join(dir, 'data');
    const store = await createStore({ kind: 'sqlite', file: join(dataDir, 'idc-assistant.sqlite') }, silentLogger);
    const w = buildEscalations({ store, support: { users: ['slack:USUP'], slackGroups: [] }, articleIds: true });
    const asker = { platform: 'slack' as const, id: 'U1' };
    const support = { platform: 'slack' as const, id: 'USUP' };
    const conversation = { platform: 'slack' as const, channelId: 'C1', threadId: '1.1' };
    const buttons = (r: Reply | null) => r!.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));

    const question = await w.assistant.handle({ text: 'users get "An unexpected error has occurred" in the AWS access portal, ask alice@example.com', trigger: 'mention', actor: asker, conversation });
    expect(question?.kind).toBe('clarify');
    await w.assistant.act({ id: 'clarify.choose', value: buttons(question).find((a) => a.id === 'clarify.choose')!.value, actor: asker, conversation });

    const other = { ...conversation, threadId: '2.2' };
    await w.assistant.handle({ text: 'our ssosync run deletes the groups that Control Tower created in identity center, token=abcdef1234567890', trigger: 'mention', actor: asker, conversation: other });
    await w.memory.idle();
    const opened = await w.assistant.handle({ text: 'escalate', trigger: 'mention', actor: asker, conversation: other });
    const id = /ESC-\d+/.exec(opened!.text)![0];
    const refused = await w.assistant.handle({ text: `escalation resolve ${id} kb not-an-article fixed`, trigger: 'command', actor: support, conversation });
    expect(refused!.text).toMatch(/There is no article "not-an-article"/);
    await w.assistant.handle({ text: `escalation resolve ${id} no-article: excluded the Control Tower groups from the sync`, trigger: 'command', actor: support, conversation });
    await w.memory.idle();
    await store.close();

    const out = io({ DATA_DIR: dataDir });
    expect(await runCli(['examples', 'export'], out)).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.label, l.signal])).toEqual([
      ['external-idp-unexpected-error', 'clarify'],
      ['other-idc', 'resolved'],
    ]);
    expect(out.stdout).not.toMatch(/alice@example\.com|abcdef1234567890/);
    expect(out.stderr).toMatch(/2 candidate example\(s\)/);

    const future = io({ DATA_DIR: dataDir });
    expect(await runCli(['examples', 'export', '--since', '2999-01-01'], future)).toBe(0);
    expect(future.stdout).toBe('');
  });

  it.each([
    [['examples'], /examples needs "export"/],
    [['examples', 'export', '--since', 'yesterday'], /--since needs a date like 2026-11-01 \(got "yesterday"\)/],
  ])('refuses %j with a clear message', async (args, expected) => {
    const out = io({ DATA_DIR: join(dir, 'empty') });
    expect(await runCli(args, out)).toBe(2);
    expect(out.stderr).toMatch(expected);
  });
});
