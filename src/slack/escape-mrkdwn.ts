/**
 * Slack treats `&`, `<` and `>` as control characters in message text: `<!channel>`, `<@U123>`,
 * `<!subteam^S1>` and `<https://x|label>` are mentions and links. Untrusted text (pastes, AWS
 * data) goes through `escapeMrkdwn` so it can only ever show as the characters it contains.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** A URL inside `<url|label>`: entities as Slack itself writes them, and no `|` or `>` to end the link early. */
export function escapeLinkUrl(url: string): string {
  return url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
}

/**
 * Inside a ``` block, a run of three backticks in the text would close the block and let the rest
 * format (and look like the bot's own words). A zero-width space between backticks keeps it inert.
 */
export function breakCodeFences(text: string): string {
  return text.replace(/`(?=`)/g, '`\u200b');
}

/**
 * Slack has no escape for its formatting marks. A zero-width space on both sides of `*`, `_`, `~`
 * and `` ` `` keeps them from pairing up, so pasted text shows as typed instead of turning bold,
 * italic, struck or code. (The same trick jsx-slack and slackify-markdown rely on.) Only for
 * untrusted text that must sit in mrkdwn, such as quotes: elsewhere it goes in plain_text.
 */
export function neutraliseFormatting(text: string): string {
  return text.replace(/[*_~`]/g, (c) => `\u200b${c}\u200b`);
}

/**
 * Escapes `text` and cuts it so the escaped form is at most `max` characters, ending in "…" when
 * cut. Never splits an entity.
 */
export function escapeWithin(text: string, max: number): string {
  const full = escapeMrkdwn(text);
  if (full.length <= max) return full;
  let out = '';
  for (const ch of text) {
    const piece = escapeMrkdwn(ch);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return `${out}…`;
}
