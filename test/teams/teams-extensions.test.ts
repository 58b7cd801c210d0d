import { CHANNEL, extensionQuery, messageActionInvoke } from './teams-activities';
import { cardText, startTeams, type TeamsHarness } from './teams-harness';

const PROTECTED_ROLE_HTML = "<p>Deploy failed: Cannot perform the operation on the protected role &#39;AWSReservedSSO_Admin_0123abcd&#39; - this role is only modifiable by AWS</p>";

interface ExtensionBody {
  composeExtension?: { type: string; text?: string; attachmentLayout?: string; attachments?: Array<{ contentType: string; content: { body: unknown[] }; preview: { contentType: string; content: { title: string; text: string } } }> };
  task?: { type: string; value: unknown };
}

describe('Teams message extensions over HTTP', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await startTeams();
  });
  afterAll(() => h.close());
  beforeEach(() => h.connector.calls.splice(0));

  describe('search (composeExtension/query)', () => {
    it('answers with a list of article cards, the matcher’s best first, each with a thumbnail preview', async () => {
      const res = await h.post(extensionQuery(h.connector.url, 'protected role AWSReservedSSO only modifiable by AWS'));
      expect(res.status).toBe(200);
      const body = (await res.json()) as ExtensionBody;
      expect(body.composeExtension).toMatchObject({ type: 'result', attachmentLayout: 'list' });
      const [first] = body.composeExtension!.attachments!;
      expect(first!.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(first!.preview).toMatchObject({ contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: expect.stringMatching(/protected AWSReservedSSO_ role/i) } });
      expect(cardText(first!.content as never)).toMatch(/Cause/);
      expect(h.connector.calls).toHaveLength(0);
    });

    it('lists articles by words when the matcher finds nothing, and the first ones on the initial run', async () => {
      const words = (await (await h.post(extensionQuery(h.connector.url, 'scim okta'))).json()) as ExtensionBody;
      expect(words.composeExtension!.attachments!.map((a) => a.preview.content.title)).toEqual([expect.stringMatching(/provision over SCIM/)]);
      const initial = (await (await h.post(extensionQuery(h.connector.url, undefined))).json()) as ExtensionBody;
      expect(initial.composeExtension!.attachments!.length).toBe(10);
    });

    it('says so when nothing matches, and names an unknown command', async () => {
      const none = (await (await h.post(extensionQuery(h.connector.url, 'zzqx nothing like this'))).json()) as ExtensionBody;
      expect(none.composeExtension).toEqual({ type: 'message', text: expect.stringMatching(/No article matches/) });
      const unknown = (await (await h.post(extensionQuery(h.connector.url, 'x', 'oldCommand'))).json()) as ExtensionBody;
      expect(unknown.composeExtension!.text).toMatch(/Unknown search command "oldCommand"/);
    });
  });

  describe('"Troubleshoot this" (composeExtension/submitAction)', () => {
    it('answers the message in its channel thread through the Bot Connector and closes the action', async () => {
      const res = await h.post(messageActionInvoke(h.connector.url, PROTECTED_ROLE_HTML));
      expect(res.status).toBe(200);
      const [call] = await h.connector.waitFor(1);
      expect(call!.conversationId).toBe(`${CHANNEL};messageid=1700000000111`);
      const card = call!.body.attachments[0].content;
      expect(cardText(card)).toMatch(/protected AWSReservedSSO_ role/i);
      expect(cardText(card)).toMatch(/\[Helpful\]/);
    });

    it('adds the person’s note to the message text', async () => {
      await h.post(messageActionInvoke(h.connector.url, '<p>it fails since this morning</p>', { note: "Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_0123abcd'", where: 'personal' }));
      const [call] = await h.connector.waitFor(1);
      expect(cardText(call!.body.attachments[0].content)).toMatch(/protected AWSReservedSSO_ role/i);
    });

    it('shows the answer in a dialog when the bot may not post there', async () => {
      // A serviceUrl path the connector does not serve: it answers 404, as when the bot is not in the chat.
      const activity = messageActionInvoke(h.connector.url, PROTECTED_ROLE_HTML);
      const res = await h.post({ ...activity, serviceUrl: `${h.connector.url}refuse/` });
      const body = (await res.json()) as ExtensionBody;
      expect(body.task).toMatchObject({ type: 'continue', value: { card: { contentType: 'application/vnd.microsoft.card.adaptive' } } });
      expect(JSON.stringify(body.task)).not.toMatch(/Action\./);
    });

    it('explains a message without text', async () => {
      const body = (await (await h.post(messageActionInvoke(h.connector.url, '<img src="x.png">'))).json()) as ExtensionBody;
      expect(body.task).toEqual({ type: 'message', value: expect.stringMatching(/no text I can read/) });
    });
  });
});
