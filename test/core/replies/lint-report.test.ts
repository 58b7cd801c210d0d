import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOfflineChecks } from '../../../src/checks/create-offline-checks';
import { composeLintReport } from '../../../src/core/replies/compose-lint-report';
import type { Reply } from '../../../src/core/replies/reply';
import { renderHtml } from '../../../src/render/render-html';
import { renderText } from '../../../src/render/render-text';
import { buildAssistant, buildInput, fixturesDir, shippedArticles } from '../../helpers/builders';

const articles = shippedArticles();
const assistant = buildAssistant({ articles, offline: createOfflineChecks() });
const fixture = (kind: string, file: string) => readFileSync(join(fixturesDir, kind, file), 'utf8');
const twoAssertions = fixture('saml', 'py3saml_two_assertions.xml.base64');
const cleanSaml = fixture('saml', 'py3saml_simplesamlphp_email_nameid_clean.xml');
const actionsOf = (reply: Reply | null) => reply?.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : [])) ?? [];

describe('lint reports in the conversation', () => {
  it('renders `check saml` as a verdict, the rules with evidence, the summary and the article', async () => {
    const reply = await assistant.handle(buildInput(`check saml ${twoAssertions}`));
    expect(reply?.kind).toBe('check');
    expect(reply?.articleId).toBe('external-idp-unexpected-error');
    const text = renderText(reply!);
    expect(text).toMatch(/^== SAML response: 1 problem found ==/);
    expect(text).toMatch(/\[✗\] Exactly one assertion — 2 top-level assertions: .* Fix: Configure the IdP application to send a single assertion/);
    expect(text).toMatch(/\[✓\] NameID format is email/);
    expect(text).toMatch(/NameID: support@onelogin\.com \(format: emailAddress\)/);
    expect(actionsOf(reply)).toEqual([{ id: 'kb.show', label: expect.stringMatching(/^Read: Sign-in through an external identity provider/), value: '{"a":"external-idp-unexpected-error"}' }]);
  });

  it('lints an attached file for `check scim` and links the shipped SCIM article', async () => {
    const reply = await assistant.handle(
      buildInput('check scim', 'command', { attachments: [{ name: 'user.json', text: fixture('scim', 'rfc7643_scimple_minimal-user-example.json') }] }),
    );
    expect(renderText(reply!)).toMatch(/^== SCIM payload: 2 problems found ==/);
    expect(actionsOf(reply).map((a) => a.value)).toEqual(['{"a":"scim-sync-user-fails"}']);
    const kb = await assistant.act({ id: 'kb.show', value: actionsOf(reply)[0]!.value, actor: buildInput('').actor, conversation: buildInput('').conversation });
    expect(kb?.articleId).toBe('scim-sync-user-fails');
  });

  it('explains unusable input instead of a verdict', async () => {
    const reply = await assistant.handle(buildInput('check saml PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm4*&^PHNhbWxw'));
    const text = renderText(reply!);
    expect(text).toMatch(/^== Could not read this SAML response ==/);
    expect(text).toMatch(/Not valid base64/);
    expect(text).toMatch(/Copy XML/);
  });

  it('answers a SAML response pasted in a mention or DM with the lint report', async () => {
    for (const trigger of ['mention', 'dm', 'shortcut', 'console'] as const) {
      const reply = await assistant.handle(buildInput(`okta login broken, here's the SAMLResponse=${encodeURIComponent(twoAssertions)}`, trigger));
      expect(reply?.kind).toBe('check');
    }
  });

  it('in watched channels speaks only when the paste fails a rule', async () => {
    expect((await assistant.handle(buildInput(twoAssertions, 'watched')))?.kind).toBe('check');
    expect(await assistant.handle(buildInput(cleanSaml, 'watched'))).toBeNull();
    expect((await assistant.handle(buildInput(cleanSaml, 'mention')))?.blocks[0]).toEqual({ type: 'heading', text: 'SAML response: no problems found' });
  });

  it('leaves ordinary questions and error messages to the knowledge base', async () => {
    const reply = await assistant.handle(buildInput(fixture('scim', 'awsdocs_idc_scim_error_response_unparsable_violates_schema.json')));
    expect(reply?.kind).toBe('answer');
    expect(reply?.articleId).toBe('scim-sync-user-fails');
  });

  it('says so when no offline checks are wired', async () => {
    const bare = buildAssistant();
    expect(renderText((await bare.handle(buildInput(`check saml ${twoAssertions}`)))!)).toMatch(/SAML and SCIM linting is not available/);
  });

  it('escapes pasted values in every renderer', async () => {
    const offline = createOfflineChecks();
    const report = await offline.lintScim(JSON.stringify({ userName: '<script>alert(1)</script>', name: { givenName: 'A' }, displayName: '<b>x</b>' }));
    const html = renderHtml(composeLintReport(report, new Map()));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
