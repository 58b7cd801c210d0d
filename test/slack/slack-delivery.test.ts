import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { FakeSlack, textsOf } from '../helpers/fake-slack';
import { appMention, eventCallback, messageEvent, nextTs, slashCommand } from '../helpers/slack-payloads';
import { sendSigned, SIGNING_SECRET, slackSignature } from '../helpers/slack-requests';
import { startSlackApp, useSlackApp, type SlackHarness } from './slack-harness';

const PROTECTED_ROLE = "Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS";

/** Everything the bot sent anywhere: Web API calls and response_url bodies. */
const sent = (h: SlackHarness) => [...h.fake.calls.map((c) => c.args), ...h.fake.responses.map((r) => r.body)];

describe('Slack delivery rules: authenticity, exactly once, limits, injection', () => {
  const h = useSlackApp();

  describe('authenticity (Bolt verifies the v0 signature)', () => {
    it('rejects a bad signature with 401 and does nothing', async () => {
      const { body } = eventCallback(appMention(PROTECTED_ROLE));
      const res = await sendSigned(h.events, body, { secret: 'not-the-secret' });
      expect(res.status).toBe(401);
      await h.fake.settle();
      expect(h.fake.calls).toHaveLength(0);
    });

    it('rejects a correctly signed request with a stale timestamp (older than 5 minutes)', async () => {
      const { body } = eventCallback(appMention(PROTECTED_ROLE));
      const res = await sendSigned(h.events, body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
      expect(res.status).toBe(401);
      await h.fake.settle();
      expect(h.fake.calls).toHaveLength(0);
    });

    it('rejects a correctly signed request dated more than 5 minutes in the future, and accepts small clock skew', async () => {
      const now = Math.floor(Date.now() / 1000);
      const ahead = await sendSigned(h.events, eventCallback(appMention(PROTECTED_ROLE)).body, { timestamp: now + 60 * 60 });
      expect(ahead.status).toBe(401);
      expect(await ahead.json()).toMatchObject({ error: 'stale_or_future_request' });
      expect((await sendSigned(h.events, eventCallback(appMention(PROTECTED_ROLE)).body, { timestamp: now + 6 * 60 })).status).toBe(401);
      await h.fake.settle();
      expect(h.fake.calls).toHaveLength(0);
      expect((await sendSigned(h.events, eventCallback(appMention(PROTECTED_ROLE)).body, { timestamp: now + 60 })).status).toBe(200);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
    });

    it('rejects a request without signature headers, and a body signed for another body', async () => {
      const { body } = eventCallback(appMention(PROTECTED_ROLE));
      expect((await fetch(h.events, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(401);
      const ts = Math.floor(Date.now() / 1000);
      const signature = slackSignature(SIGNING_SECRET, ts, body);
      expect((await sendSigned(h.events, body.replace('protected', 'Protected'), { timestamp: ts, signature })).status).toBe(401);
    });

    it('answers malformed JSON (validly signed) with 400, GET with 405, and an oversized body with 413', async () => {
      expect((await sendSigned(h.events, '{"type": "event_callback", ', { contentType: 'application/json' })).status).toBe(400);
      const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)).toString('latin1');
      expect((await sendSigned(h.events, junk, { contentType: 'application/json' })).status).toBe(400);
      const get = await fetch(h.events);
      expect(get.status).toBe(405);
      expect(await get.json()).toMatchObject({ error: 'method_not_allowed' });
      const huge = eventCallback(appMention('x'.repeat(1_100_000))).body;
      expect((await sendSigned(h.events, huge)).status).toBe(413);
    });

    it('acks events it does not listen to', async () => {
      const res = await sendSigned(h.events, eventCallback({ type: 'reaction_added', user: 'U1', reaction: 'eyes', item: { type: 'message', channel: 'C1', ts: '1.1' }, ts: nextTs() }).body);
      expect(res.status).toBe(200);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(0);
    });
  });

  describe('each event answered exactly once', () => {
    it('ignores a replayed event (same event_id, no retry header)', async () => {
      const { body } = eventCallback(appMention(PROTECTED_ROLE));
      expect((await sendSigned(h.events, body)).status).toBe(200);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      expect((await sendSigned(h.events, body)).status).toBe(200);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(1);
    });

    it('acks Slack retries (X-Slack-Retry-Num) of a handled event with 200 and does not process them again', async () => {
      const { body } = eventCallback(appMention(PROTECTED_ROLE));
      await sendSigned(h.events, body);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      for (const retryNum of [1, 2, 3]) expect((await sendSigned(h.events, body, { retryNum })).status).toBe(200);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(1);
    });

    it('handles a retry whose first delivery never arrived, once', async () => {
      const { body } = eventCallback(appMention(PROTECTED_ROLE));
      await sendSigned(h.events, body, { retryNum: 1 });
      await sendSigned(h.events, body, { retryNum: 2 });
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(1);
    });

    it('answers duplicates arriving concurrently once', async () => {
      const { body } = eventCallback(appMention(PROTECTED_ROLE));
      const statuses = await Promise.all(Array.from({ length: 5 }, (_, i) => sendSigned(h.events, body, i ? { retryNum: i } : {}).then((r) => r.status)));
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      await h.fake.settle();
      expect(h.fake.posts()).toHaveLength(1);
    });

    it('ignores a replayed slash command (same trigger_id) but acks it', async () => {
      const body = slashCommand('help', h.fake.responseUrl('replay'));
      await sendSigned(h.events, body);
      expect((await sendSigned(h.events, body)).status).toBe(200);
      await h.fake.waitFor(() => h.fake.responses.length === 1);
      await h.fake.settle();
      expect(h.fake.responses).toHaveLength(1);
    });

    it('finishes answers already acked before it stops, so a restart loses none', async () => {
      const fake = await new FakeSlack().start();
      const app = await startSlackApp({ fake });
      try {
        fake.delay('chat.postMessage', 300);
        await sendSigned(app.events, eventCallback(appMention(PROTECTED_ROLE)).body);
        await app.close();
        expect(fake.posts()).toHaveLength(1);
      } finally {
        await fake.close();
      }
    });

    it('remembers seen events and answered threads across a restart (same store)', async () => {
      const fake = await new FakeSlack().start();
      const seen = new MemoryStore();
      const parent = nextTs();
      const first = eventCallback(messageEvent({ text: PROTECTED_ROLE, ts: parent }));
      const one = await startSlackApp({ seen, fake });
      await sendSigned(one.events, first.body);
      await fake.waitFor(() => fake.posts().length === 1);
      await one.close();
      const two = await startSlackApp({ seen, fake });
      try {
        await sendSigned(two.events, first.body, { retryNum: 1 });
        await sendSigned(two.events, eventCallback(messageEvent({ text: PROTECTED_ROLE, thread_ts: parent })).body);
        await fake.settle();
        expect(fake.posts()).toHaveLength(1);
        // A fresh store (what a restart without persistence would be) answers the retry again.
        const three = await startSlackApp({ fake });
        await sendSigned(three.events, first.body, { retryNum: 2 });
        await fake.waitFor(() => fake.posts().length === 2);
        await three.close();
      } finally {
        await two.close();
        await fake.close();
      }
    });
  });

  describe('big and hostile input', () => {
    it('acks a 40,000-character paste fast and answers on a bounded prefix within Block Kit limits', async () => {
      const paste = `${PROTECTED_ROLE}\n${'at com.example.Foo.bar(Foo.java:42)\n'.repeat(1_150)}`.slice(0, 40_000);
      const event = appMention(paste);
      const started = Date.now();
      const res = await sendSigned(h.events, eventCallback(event).body);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(1_000);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      const post = h.fake.posts()[0]!;
      expect(post.args.thread_ts).toBe(event.ts);
      expect(textsOf(post.args.blocks)).toMatch(/I read the first 8,000/);
      const blocks = post.args.blocks as Array<{ text?: { text: string } }>;
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const b of blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3_000);
    });

    it.each([
      ['@channel', '&lt;!channel&gt;', '<!channel>'],
      ['a user mention', '&lt;@U123&gt;', '<@U123>'],
      ['a user group', '&lt;!subteam^S0ONCALL|@oncall&gt;', '<!subteam^'],
      ['a disguised link', '&lt;https://evil.example|click here&gt;', '<https://evil'],
    ])('keeps %s pasted into an echoed command inert everywhere the bot writes', async (_name, typed, raw) => {
      // Slack sends what people type with &, <, > as entities; the bot decodes them for the core,
      // and the core echoes the unknown article id back ("There is no article …").
      await sendSigned(h.events, eventCallback(appMention(`kb ${typed}`)).body);
      await sendSigned(h.events, slashCommand(`${typed} please`, h.fake.responseUrl('inj')));
      await sendSigned(h.events, slashCommand(`kb ${typed}`, h.fake.responseUrl('inj2')));
      await h.fake.waitFor(() => h.fake.posts().length === 1 && h.fake.responses.length === 2);
      const everything = JSON.stringify(sent(h));
      expect(everything).not.toContain(raw);
      expect(everything.toLowerCase()).not.toContain(raw.toLowerCase());
      expect(textsOf(h.fake.posts()[0]!.args)).toContain('&lt;');
    });

    it('keeps mention markup in a pasted error inert when answering it', async () => {
      await sendSigned(h.events, eventCallback(appMention(`<!channel> <@U123> <https://evil.example|click> ${PROTECTED_ROLE}`)).body);
      await h.fake.waitFor(() => h.fake.posts().length === 1);
      const everything = JSON.stringify(sent(h));
      for (const raw of ['<!channel>', '<@U123>', '<https://evil']) expect(everything).not.toContain(raw);
    });

    it('keeps a huge answer within Block Kit limits (50 blocks, 3,000 chars a section, 150 a header)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'idc-kb-'));
      const steps = Array.from({ length: 600 }, (_, i) => `${i + 1}. Step ${i + 1}: ${'check the attribute mapping & the <user> record carefully. '.repeat(4)}`).join('\n');
      writeFileSync(
        join(dir, 'huge-article.md'),
        `---\nid: huge-article\ntitle: "${'Sign-in & <SSO> fails '.repeat(6).trim()}"\nsection: "Huge"\nsignatures:\n  - "huge article signature string for tests"\nsymptoms:\n  - "a huge article for tests"\ntags: [test]\nchecks: []\n---\n\n## Cause\n${'The cause is long. '.repeat(400)}\n\n## Steps\n${steps}\n\n## When to escalate\nNever.\n`,
      );
      const big = await startSlackApp({ env: { KNOWLEDGE_DIRS: dir } });
      try {
        const id = 'big';
        await sendSigned(big.events, slashCommand('kb huge-article', big.fake.responseUrl(id)));
        await big.fake.waitFor(() => big.fake.responses.length === 1);
        const body = big.fake.responses[0]!.body as { text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: unknown[] }> };
        expect(body.blocks.length).toBeLessThanOrEqual(50);
        expect(body.blocks[0]!.type).toBe('header');
        expect(body.blocks[0]!.text!.text.length).toBeLessThanOrEqual(150);
        for (const b of body.blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(3_000);
        expect(textsOf(body.blocks)).toMatch(/more parts? not shown/);
        expect(body.text.length).toBeGreaterThan(0);
        expect(body.text.length).toBeLessThanOrEqual(3_000);
        expect(JSON.stringify(body)).not.toContain('<user>');
      } finally {
        await big.close();
      }
    });
  });
});
