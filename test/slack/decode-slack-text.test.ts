import { decodeSlackText } from '../../src/slack/decode-slack-text';

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
});
