import { createOfflineChecks } from '../../src/checks/create-offline-checks';
import { MemoryFeedbackStore, type FeedbackEntry } from '../../src/core/ports/ports';
import { PERSONAL, USER, cardInvoke, cardSubmit, personalMessage } from './teams-activities';
import { cardOf, cardText, startTeams, type TeamsHarness } from './teams-harness';

const FEEDBACK = { action: 'feedback.helpful', value: '{"a":"scim-sync-user-fails","h":"abc123"}' };

/** A feedback store that takes `delayMs` per write, or fails: to make the core slow or broken on demand. */
class SlowFeedback extends MemoryFeedbackStore {
  delayMs = 0;
  fail = false;
  override async recordFeedback(entry: FeedbackEntry): Promise<void> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.fail) throw new Error('feedback table is gone');
    await super.recordFeedback(entry);
  }
}

describe('Teams edge over HTTP: card buttons', () => {
  let h: TeamsHarness;
  const feedback = new SlowFeedback();
  /** Offline checks that can be made to throw, to break a turn on demand (the core catches store errors). */
  const offline = { ...createOfflineChecks(), broken: false, detect(text: string) {
    if (offline.broken) throw new Error('linter state is gone');
    return createOfflineChecks().detect(text);
  } };

  beforeAll(async () => {
    h = await startTeams({}, { deps: { feedback, offline }, teams: { timeouts: { firstReplyMs: 150, connectorMs: 400 } } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.connector.calls.splice(0);
    feedback.entries.splice(0);
    feedback.delayMs = 0;
    feedback.fail = false;
    offline.broken = false;
    h.connector.hang(false);
    h.logs.entries.splice(0);
  });

  it('routes an Action.Submit (message with value and msteams fields, no text) to the core', async () => {
    expect((await h.post(cardSubmit(h.connector.url, FEEDBACK))).status).toBe(200);
    expect(feedback.entries).toMatchObject([{ articleId: 'scim-sync-user-fails', messageHash: 'abc123', helpful: true, actor: { platform: 'teams', id: USER.aadObjectId } }]);
    const [call] = await h.connector.waitFor(1);
    expect(call).toMatchObject({ kind: 'reply', conversationId: PERSONAL });
    expect(cardText(cardOf(call!))).toMatch(/Thanks, noted/);
  });

  it('opens the article chosen from a "Which one?" card and records the choice', async () => {
    feedback.signals.splice(0);
    expect((await h.post(cardSubmit(h.connector.url, { action: 'clarify.choose', value: '{"a":"totp-unexpected-error","h":"q1"}' }))).status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    expect(call).toMatchObject({ kind: 'reply', conversationId: PERSONAL });
    expect(cardText(cardOf(call!))).toMatch(/You chose this article/);
    expect(cardText(cardOf(call!))).toMatch(/totp-unexpected-error/);
    expect(feedback.signals).toMatchObject([{ messageHash: 'q1', kind: 'clarify', articleId: 'totp-unexpected-error', actor: { platform: 'teams' } }]);
  });

  it('answers a submit that is not one of our buttons without calling the core', async () => {
    await h.post(cardSubmit(h.connector.url, { action: 'rm -rf', value: 'x' }));
    const [call] = await h.connector.waitFor(1);
    expect(cardText(cardOf(call!))).toMatch(/That button did not work[\s\S]*unknown action/);
    expect(feedback.entries).toHaveLength(0);
  });

  it('routes an adaptiveCard/action invoke and answers a private notice as a message only the clicker sees', async () => {
    const res = await h.post(cardInvoke(h.connector.url, FEEDBACK));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: expect.stringMatching(/^Thanks, noted\./) });
    expect(feedback.entries).toHaveLength(1);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('posts a public reply to an invoke in the conversation and confirms the click', async () => {
    const res = await h.post(cardInvoke(h.connector.url, { action: 'kb.show', value: '{"a":"scim-sync-user-fails"}' }, 'kb.show'));
    expect(await res.json()).toMatchObject({ statusCode: 200, value: 'Done.' });
    const [call] = await h.connector.waitFor(1);
    expect(call!.conversationId).toBe(PERSONAL);
    expect(cardOf(call!).body[0]).toMatchObject({ type: 'TextBlock', style: 'heading' });
  });

  it('answers an invoke with bad data with a 400 card-action error', async () => {
    const res = await h.post(cardInvoke(h.connector.url, { nope: true }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: expect.stringMatching(/not one of ours/) } });
  });

  it('answers invokes we do not handle with 501', async () => {
    const res = await h.post({ ...personalMessage(h.connector.url, ''), type: 'invoke', name: 'task/fetch', value: {} });
    expect(res.status).toBe(501);
  });

  it('replies within the turn when the core is slow: "Working on it…" first, then updates that message', async () => {
    feedback.delayMs = 700;
    const started = Date.now();
    const res = await h.post(cardSubmit(h.connector.url, FEEDBACK));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(600);
    const [placeholder] = await h.connector.waitFor(1);
    expect(cardText(cardOf(placeholder!))).toMatch(/Working on it/);
    const [update] = await h.connector.waitFor(1, (c) => c.kind === 'update');
    expect(update).toMatchObject({ method: 'PUT', conversationId: PERSONAL, activityId: placeholder!.responseId });
    expect(update!.body.id).toBe(update!.activityId);
    expect(cardText(cardOf(update!))).toMatch(/Thanks, noted/);
    expect(feedback.entries).toHaveLength(1);
  });

  it('logs a failing turn through our logger and tells the user in a safe sentence', async () => {
    offline.broken = true;
    expect((await h.post(personalMessage(h.connector.url, 'Request is unparsable, syntactically incorrect, or violates schema'))).status).toBe(200);
    const [call] = await h.connector.waitFor(1);
    expect(cardText(cardOf(call!))).toMatch(/Something went wrong on our side/);
    expect(cardText(cardOf(call!))).not.toMatch(/linter state/);
    const logged = h.logs.entries.find((e) => e.msg === 'teams: turn failed');
    expect(logged?.level).toBe('error');
    // The message and code only: SDK errors can carry the request and its bearer token.
    expect(logged!.obj).toMatchObject({ err: 'linter state is gone', kind: 'listener' });
  });

  it('bounds calls to an unresponsive Bot Connector instead of hanging for 30 s', async () => {
    h.connector.hang(true);
    const started = Date.now();
    const res = await h.post(personalMessage(h.connector.url, 'help'));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2_500);
    expect([200, 500]).toContain(res.status);
    const failure = h.logs.entries.find((e) => e.msg === 'teams: turn failed');
    // A Bot Connector failure is the platform's: kind platform_api, with our TeamsError's code.
    expect(failure?.obj).toMatchObject({ kind: 'platform_api', code: 'connector_timeout', err: expect.stringMatching(/did not answer POST .* within 400 ms/) });
  });
});
