import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintSaml } from '../../src/checks/saml/lint-saml';
import { Matcher } from '../../src/match/index';
import { decodeSlackText } from '../../src/slack/decode-slack-text';
import { fixturesDir, shippedArticles } from '../helpers/builders';

/** What Slack does to a message before sending it: `&`, `<` and `>` become entities. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('decodeSlackText', () => {
  it.each([
    ['strips the bot mention', '<@U0BOT> check user bob', 'check user bob'],
    ['strips a labelled bot mention anywhere', 'hey <@U0BOT|idc> help', 'hey  help'],
    ['keeps other mentions readable', 'ask <@U123|alice> about it', 'ask @alice about it'],
    ['keeps unlabelled mentions as ids', 'cc <@U123>', 'cc @U123'],
    ['unwraps mailto links to the address', 'check user <mailto:alice@example.com|alice@example.com>', 'check user alice@example.com'],
    ['unwraps auto-linked URLs to what was typed', 'portal <https://d-123.awsapps.com/start|d-123.awsapps.com/start> fails', 'portal d-123.awsapps.com/start fails'],
    ['keeps bare links', 'see <https://example.com/a?b=1&amp;c=2>', 'see https://example.com/a?b=1&c=2'],
    ['shows channels and broadcasts as words', '<#C1|ops> <!here> <!subteam^S1|@oncall> <!subteam^S2>', '#ops @here @oncall @subteam'],
    ['decodes entities after unwrapping', 'a &lt;b&gt; &amp;lt; c', 'a <b> &lt; c'],
    ['keeps SAML XML pasted as text', '&lt;saml2:NameID Format="x"&gt;alice&lt;/saml2:NameID&gt;', '<saml2:NameID Format="x">alice</saml2:NameID>'],
  ])('%s', (_name, input, expected) => {
    expect(decodeSlackText(input, 'U0BOT')).toBe(expected);
  });

  it('leaves text alone when there is no markup, and trims', () => {
    expect(decodeSlackText('  Request is unparsable, syntactically incorrect, or violates schema  ')).toBe('Request is unparsable, syntactically incorrect, or violates schema');
  });

  it('leaves nothing of a message that is only the bot mention', () => {
    expect(decodeSlackText('<@U0BOT>', 'U0BOT')).toBe('');
    expect(decodeSlackText('  <@U0BOT|idc>  ', 'U0BOT')).toBe('');
  });
});

describe('decoded Slack text in the core', () => {
  const matcher = new Matcher(shippedArticles());
  const error = 'Request is unparsable, syntactically incorrect, or violates schema';

  it('lints a SAML response that Slack delivered HTML-escaped exactly like the XML', () => {
    const xml = readFileSync(join(fixturesDir, 'saml', 'py3saml_simplesamlphp_email_nameid_clean.xml'), 'utf8');
    const escaped = `check this ${slackEscape(xml)}`;
    expect(lintSaml(escaped).verdict).toBe('error'); // the core reads no Slack markup
    const report = lintSaml(decodeSlackText(escaped, 'U0BOT'));
    expect(report.verdict).toBe('pass');
    expect(report.rules).toEqual(lintSaml(xml).rules);
    expect(report.summary.find((f) => f.label === 'Input')?.value).toMatch(/^XML,/);
  });

  it('matches a message the same with or without mentions, channels and links around it', () => {
    const plain = matcher.match(error);
    const decoded = decodeSlackText(`<@U0BOT> ${error} <#C1|ops> <!here> <https://example.com/x|log>`, 'U0BOT');
    expect(decoded).toBe(`${error} #ops @here log`);
    expect(matcher.match(decoded).matches.map((m) => m.articleId)).toEqual(plain.matches.map((m) => m.articleId));
    expect(matcher.match(decodeSlackText('<@U0BOT>', 'U0BOT')).silence).toBe('empty');
  });
});
