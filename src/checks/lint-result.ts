import type { LintReport, LintRule, RuleStatus } from '../core/checks/checks';

/**
 * Small helpers shared by the SAML and SCIM linters: build rules, compute the verdict, and turn
 * unusable input into an `error` report (never an exception).
 */

export function rule(id: string, title: string, status: RuleStatus, evidence: string, extra: { article?: string; fix?: string } = {}): LintRule {
  const out: LintRule = { id, title, status, evidence };
  if (extra.article) out.article = extra.article;
  if (status === 'fail' && extra.fix) out.fix = extra.fix;
  return out;
}

export function verdictOf(rules: readonly LintRule[]): 'pass' | 'fail' {
  return rules.some((r) => r.status === 'fail') ? 'fail' : 'pass';
}

export function lintReport(kind: LintReport['kind'], rules: LintRule[], summary: LintReport['summary']): LintReport {
  return { kind, verdict: verdictOf(rules), rules, summary };
}

/** Unusable input: what is wrong, in one or two sentences a person can act on. */
export function errorReport(kind: LintReport['kind'], error: string, summary: LintReport['summary'] = []): LintReport {
  return { kind, verdict: 'error', rules: [], summary, error };
}

/** "a, b, c and 4 more": lists stay short in chat. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** Pasted values are quoted back truncated, so one huge value cannot flood a reply. */
export function clip(value: string, max = 80): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Raw pastes above this are refused before any parsing (1 MiB of characters). */
export const MAX_INPUT_CHARS = 1024 * 1024;
/** Decoded documents (XML, JSON) above this are refused: 256 KiB. Real SAML responses are 5 to 30 KiB. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;

/**
 * Binary junk (an image, a zip, random bytes read as UTF-8) is refused with its own message:
 * NUL bytes, or more than 2% control or replacement characters.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.02;
}

/** Checks shared by both linters before any decoding; returns the problem, or undefined. */
export function inputProblem(text: string, what: string): string | undefined {
  if (!text.trim()) return `The input is empty. Paste the ${what}, or attach it as a file.`;
  if (text.length > MAX_INPUT_CHARS) {
    return `The input has ${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-US')}. Paste only the ${what}.`;
  }
  if (looksBinary(text)) return `The input looks like binary data, not text. Paste the ${what} as text, or attach it as a text file.`;
  return undefined;
}

/** Strips chat wrapping: ``` fences and Slack's HTML escaping of <, > and & (when the XML or JSON arrived escaped). */
export function unwrapChat(text: string): string {
  let t = text.replace(/```[a-zA-Z]*\n?/g, '\n');
  if (/&lt;|&gt;|&quot;|&amp;/.test(t) && !/<[a-zA-Z?!]/.test(t.replace(/<(https?:|mailto:)[^>]*>/g, ''))) {
    // Slack escapes <, > and & in message text, and wraps URLs it recognised as <url> or <url|label>.
    t = t
      .replace(/<((?:https?:|mailto:)[^>|]*)(?:\|[^>]*)?>/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  }
  return t;
}
