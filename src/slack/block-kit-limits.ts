/**
 * Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit). Counts are in characters
 * of the text as sent, that is after `&`, `<`, `>` became entities. Slack rejects a message that
 * breaks one of them with `invalid_blocks`, so the renderer must stay inside all of them.
 */
export const MAX_BLOCKS = 50;
/** Section `text` and context element text. */
export const MAX_SECTION_CHARS = 3_000;
/** Each section field. */
export const MAX_FIELD_CHARS = 2_000;
export const MAX_FIELDS = 10;
export const MAX_HEADER_CHARS = 150;
export const MAX_BUTTON_TEXT_CHARS = 75;
export const MAX_BUTTON_VALUE_CHARS = 2_000;
export const MAX_ACTION_ELEMENTS = 25;
export const MAX_CONTEXT_ELEMENTS = 10;
/**
 * The top-level `text` fallback (notifications, screen readers). Slack truncates `text` at 40,000;
 * a notification longer than a few thousand characters helps nobody.
 */
export const MAX_FALLBACK_CHARS = 3_000;
