import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOfflineChecks } from '../../../src/checks/create-offline-checks';
import { SAML_PASTE_WARNING } from '../../../src/core/replies/saml-paste-warning';
import { renderText } from '../../../src/render/render-text';
import { buildAssistant, buildInput, fixturesDir, shippedArticles } from '../../helpers/builders';

const articles = shippedArticles();
const assistant = buildAssistant({ articles, offline: createOfflineChecks() });
const fixture = (kind: string, file: string) => readFileSync(join(fixturesDir, kind, file), 'utf8');
const say = async (text: string) => renderText((await assistant.handle(buildInput(text)))!).replace(/\s+/g, ' ');

describe('wherever a SAML response is invited, a live one is called a credential', () => {
  it('says so in the help text', async () => {
    expect(await say('help')).toContain(SAML_PASTE_WARNING);
  });

  it.each([
    ['a failing response', `check saml ${fixture('saml', 'py3saml_two_assertions.xml.base64')}`],
    ['a passing response', `check saml ${fixture('saml', 'py3saml_simplesamlphp_email_nameid_clean.xml')}`],
    ['nothing to check', 'check saml'],
    ['unreadable input', 'check saml hello there'],
  ])('says so in the `check saml` reply to %s', async (_what, text) => {
    expect(await say(text)).toContain(SAML_PASTE_WARNING);
  });

  it('does not say it about SCIM payloads', async () => {
    expect(await say(`check scim ${fixture('scim', 'rfc7643_scimple_minimal-user-example.json')}`)).not.toContain('SAML response is a credential');
  });

  it('says so in every article step that invites a pasted SAML response', () => {
    const inviting = articles.flatMap((a) => a.steps.filter((s) => s.includes('`check saml`')).map((s) => [a.id, s] as const));
    expect(inviting.map(([id]) => id).sort()).toEqual(['cloud-app-config', 'external-idp-unexpected-error', 'saml-assertion-debug']);
    for (const [, step] of inviting) expect(step).toMatch(/credential until it expires: paste it in a direct message to me, or after it has expired/);
  });
});
