import type { Activity } from '@microsoft/agents-activity';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSaml } from '../../src/checks/saml/lint-saml';
import { decodeHtmlEntities, htmlToText, messageText } from '../../src/teams/teams-input';
import { fixturesDir } from '../helpers/builders';
import { BOT, channelMention, personalMessage } from './teams-activities';

const URL = 'http://127.0.0.1:1';
const activity = (a: object) => a as unknown as Activity;

describe('Teams markup becomes plain text at the edge', () => {
  it.each([
    ['named and numeric references', 'a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x1F600;', `a & b <c> "d" 'e' \u{1F600}`],
    ['once only: an escaped entity stays an entity', '&amp;lt;', '&lt;'],
    ['unknown names and impossible code points unchanged', '&nope; &#0; &#x110000;', '&nope; &#0; &#x110000;'],
  ])('decodes %s', (_name, input, expected) => {
    expect(decodeHtmlEntities(input)).toBe(expected);
  });

  it('reads HTML-only messages as lines of text', () => {
    expect(htmlToText('<p>first &amp; <b>bold</b></p><p>second<br>third</p>')).toBe('first & bold\nsecond\nthird\n');
  });

  it("removes the bot's own mention and keeps other mentions as names", () => {
    const a = channelMention(URL, 'ask <at>Bob Jones</at> about check user bob');
    expect(messageText(activity(a))).toBe('ask Bob Jones about check user bob');
  });

  it('leaves nothing of a message that is only the bot mention', () => {
    expect(messageText(activity(channelMention(URL, '')))).toBe('');
  });

  it('decodes entities in message text, so an escaped SAML response lints like the XML', () => {
    const xml = readFileSync(join(fixturesDir, 'saml', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');
    const escaped = xml.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const text = messageText(activity(personalMessage(URL, escaped)));
    expect(text).toBe(xml.trim());
    expect(lintSaml(text).verdict).toBe('pass');
  });

  it('falls back to the HTML attachment when the text is empty', () => {
    const a = { ...personalMessage(URL, ''), attachments: [{ contentType: 'text/html', content: `<div><at>${BOT.name}</at> check user a&amp;b@example.com</div>` }] };
    expect(messageText(activity(a))).toBe(`${BOT.name} check user a&b@example.com`);
  });
});
