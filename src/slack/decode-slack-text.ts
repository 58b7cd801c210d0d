/**
 * Slack sends message text with its own markup: `<@U123>` mentions, `<#C1|name>` channels,
 * `<!here>`, `<mailto:a@b.com|a@b.com>` and `<https://x|label>` links, and `&`, `<`, `>` as
 * entities. The core wants what the person typed: an e-mail, not a mailto link; `<` not `&lt;`.
 * The bot's own mention is removed, so "@idc check user bob" reaches the core as "check user bob".
 */
export function decodeSlackText(text: string, botUserId?: string): string {
  const unwrapped = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar === -1 ? inner : inner.slice(0, bar);
    const label = bar === -1 ? undefined : inner.slice(bar + 1);
    switch (target[0]) {
      case '@':
        if (botUserId && target.slice(1) === botUserId) return '';
        return `@${label ?? target.slice(1)}`;
      case '#':
        return `#${label ?? target.slice(1)}`;
      case '!': {
        if (label) return label;
        const word = target.slice(1).split('^')[0];
        return `@${word}`;
      }
      default:
        return label ?? target.replace(/^mailto:/, '');
    }
  });
  return unwrapped
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
