/**
 * The platform-neutral reply model. The core produces `Reply` values; each chat edge renders them
 * (plain text, HTML, Block Kit, Adaptive Cards). Every renderer switches over `Block['type']` and
 * ends in `assertNever`, so a new block type breaks the build until every renderer handles it.
 *
 * Trust: `markdown`, `steps`, `heading` and `context` hold text we wrote (knowledge base, bot
 * sentences) in the small neutral Markdown dialect below. Anything that came from a user or from
 * AWS goes into `text`, `quote`, `code`, fact values or finding titles and details, which renderers treat as plain text and escape.
 *
 * Neutral Markdown: **bold**, _italic_, `code`, [label](https://url), lines starting "- " (bullets).
 */

export type Severity = 'pass' | 'fail' | 'warn' | 'info' | 'na';

export interface Fact {
  label: string;
  /** Plain text (escaped by renderers). */
  value: string;
}

export interface Finding {
  status: Severity;
  title: string;
  /** Plain text (escaped by renderers). */
  detail?: string;
  /** Knowledge base article id this finding points to. */
  article?: string;
}

/** What a button does. The edges round-trip `value` unchanged and hand it back to the core. */
export const ACTION_IDS = [
  'feedback.helpful',
  'feedback.not_helpful',
  'check.run',
  'escalate',
  'escalation.claim',
  'escalation.resolve',
  'escalation.reopen',
  'kb.show',
  'clarify.choose',
] as const;
export type ActionId = (typeof ACTION_IDS)[number];

export function isActionId(id: unknown): id is ActionId {
  return typeof id === 'string' && (ACTION_IDS as readonly string[]).includes(id);
}

export interface Action {
  id: ActionId;
  label: string;
  /** Opaque payload (JSON string), at most 2,000 characters (Slack's button value limit). */
  value: string;
  style?: 'primary' | 'danger';
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'markdown'; text: string }
  /** A plain-text paragraph: may carry user or AWS text; escaped by every renderer. */
  | { type: 'text'; text: string }
  | { type: 'steps'; items: string[] }
  | { type: 'facts'; items: Fact[] }
  | { type: 'findings'; items: Finding[] }
  | { type: 'quote'; text: string }
  | { type: 'code'; text: string }
  | { type: 'context'; text: string }
  | { type: 'actions'; actions: Action[] }
  /**
   * Where the answer's facts come from: the article's first source (AWS documentation first),
   * e.g. "AWS docs: Troubleshooting IAM Identity Center issues › …". Every answer ends with it.
   */
  | { type: 'source'; title: string; url: string }
  | { type: 'divider' };

export type ReplyKind = 'answer' | 'clarify' | 'unknown' | 'help' | 'check' | 'escalation' | 'notice' | 'error';

export interface Reply {
  kind: ReplyKind;
  /** Plain-text fallback: notifications, screen readers, clients that cannot render blocks. */
  text: string;
  blocks: Block[];
  /** `private`: only the requester may see it (ephemeral in Slack, 1:1 chat in Teams). */
  visibility: 'public' | 'private';
  /** Article the reply is about, when there is one (feedback and metrics use it). */
  articleId?: string;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
