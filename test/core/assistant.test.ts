import { renderText } from '../../src/render/render-text';
import { buildAssistant, buildInput } from '../helpers/builders';

describe('Assistant', () => {
  const assistant = buildAssistant();

  it('answers a pasted error with the article, steps, evidence and actions', async () => {
    const reply = await assistant.handle(
      buildInput("An error occurred: Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd' - this role is only modifiable by AWS"),
    );
    expect(reply?.kind).toBe('answer');
    expect(reply?.articleId).toBe('protected-role-awsreservedsso');
    const text = renderText(reply!);
    expect(text).toMatch(/1\. Find the permission set/);
    expect(text).toMatch(/Matched the error text/);
    const actions = reply!.blocks.find((b) => b.type === 'actions');
    expect(actions && actions.type === 'actions' && actions.actions.map((a) => a.id)).toEqual(['feedback.helpful', 'feedback.not_helpful', 'escalate']);
  });

  it('says it does not recognise chatter when asked, and stays silent unasked', async () => {
    const asked = await assistant.handle(buildInput('what time is the standup tomorrow?'));
    expect(asked?.kind).toBe('unknown');
    expect(await assistant.handle(buildInput('what time is the standup tomorrow?', 'watched'))).toBeNull();
  });

  it('answers a 40,000-character paste on a bounded prefix and says so', async () => {
    const text = `Request is unparsable, syntactically incorrect, or violates schema ${'x'.repeat(40_000)}`;
    const reply = await assistant.handle(buildInput(text));
    expect(reply?.articleId).toBe('scim-sync-user-fails');
    expect(renderText(reply!)).toMatch(/40,067 characters; I read the first 8,000/);
  });

  it.each([
    ['empty', '', /message is empty/],
    ['whitespace only', '   \n\t ', /message is empty/],
    ['binary junk', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)).toString('utf8'), /binary data/],
    ['an unrelated AWS error', 'Error loading SSO Token: Token for my-profile does not exist', /outside IAM Identity Center/],
  ])('gives a clear answer for %s', async (_name, text, expected) => {
    const reply = await assistant.handle(buildInput(text));
    expect(reply?.kind).toBe('unknown');
    expect(renderText(reply!)).toMatch(expected);
  });

  it('runs commands from a mention, and help for unknown commands', async () => {
    expect((await assistant.handle(buildInput('kb scim-sync-user-fails')))?.articleId).toBe('scim-sync-user-fails');
    const help = await assistant.handle(buildInput('frob', 'command'));
    expect(help?.kind).toBe('help');
    expect(renderText(help!)).toMatch(/"frob" is not a command/);
  });

  it('says live checks are not configured without AWS', async () => {
    const reply = await assistant.handle(buildInput('check user alice@example.com'));
    expect(renderText(reply!)).toMatch(/Live checks are not configured/);
  });

  it('records feedback from a button and rejects tampered payloads', async () => {
    const { MemoryFeedbackStore } = await import('../../src/core/ports/ports');
    const feedback = new MemoryFeedbackStore();
    const a = buildAssistant({ feedback });
    const actor = { platform: 'slack' as const, id: 'U1' };
    const conversation = { platform: 'slack' as const, channelId: 'C1' };
    await a.act({ id: 'feedback.helpful', value: '{"a":"scim-sync-user-fails","h":"abc"}', actor, conversation });
    expect(feedback.entries).toMatchObject([{ articleId: 'scim-sync-user-fails', helpful: true, messageHash: 'abc' }]);
    const reply = await a.act({ id: 'feedback.helpful', value: '{not json', actor, conversation });
    expect(reply?.kind).toBe('notice');
    expect(feedback.entries).toHaveLength(1);
  });

  it('keeps the fitted thresholds meaningful: asserting needs more than offering, unasked more than asked', () => {
    const t = assistant.matcher.params.thresholds;
    expect(t.answer).toBeGreaterThan(0.2);
    expect(t.unasked).toBeGreaterThanOrEqual(t.answer);
  });
});
