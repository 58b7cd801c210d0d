import { LIVE_CHECKS, liveCheck, matchLiveCheck, type LiveCheckName } from '../checks/live-check-registry';

/**
 * Commands, as typed after `/idc`, after a mention ("@idc check user alice") or in Teams.
 * Anything that does not start with a command word is a question (`ask`).
 */
export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'ask'; text: string }
  | { name: 'check'; kind: OfflineCheckKind; subject: string }
  /** A live check from the registry; `self`: on the asker's own e-mail (`check me`), subject empty. */
  | { name: 'live'; check: LiveCheckName; subject: string; self: boolean }
  | { name: 'escalate'; note: string }
  | { name: 'escalations' }
  | { name: 'escalation'; verb: EscalationVerb; id: string; text: string }
  | { name: 'kb'; articleId: string }
  | { name: 'unknown'; word: string; problem: string };

const OFFLINE_KINDS = ['saml', 'scim'] as const;
type OfflineCheckKind = (typeof OFFLINE_KINDS)[number];

/** What may follow `check`: the registry's `check …` words (user, assignments, me) and the linters. */
const CHECK_KINDS = [...LIVE_CHECKS.map((c) => c.words), ...OFFLINE_KINDS.map((k) => `check ${k}`), ...LIVE_CHECKS.flatMap((c) => ('self' in c ? [c.self.words] : []))]
  .filter((w) => w.startsWith('check '))
  .map((w) => w.slice('check '.length));

/** The first words of every command, live checks included (`trail`). */
const COMMAND_WORDS = [...new Set(['help', '?', 'ask', 'check', 'escalate', 'escalations', 'escalation', 'kb', ...LIVE_CHECKS.map((c) => c.words.split(' ')[0]!)])];
const ESCALATION_VERBS = ['claim', 'resolve', 'reopen', 'show'] as const;
export type EscalationVerb = (typeof ESCALATION_VERBS)[number];

/**
 * `line`: the text is a command line (`/idc …`, a Teams command): an unknown first word is an
 * unknown command, unless the line is clearly a pasted error or question (four words or more).
 * `message`: a chat message: anything that is not a command is a question.
 */
export function parseCommand(text: string, mode: 'line' | 'message' = 'message'): Command {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const word = first.toLowerCase().replace(/^\//, '');
  const tail = trimmed.slice(first.length).trim();
  const live = matchLiveCheck(trimmed.replace(/^\//, ''));
  if (live) return 'problem' in live ? { name: 'unknown', word: liveCheck(live.check).words, problem: live.problem } : { name: 'live', ...live };
  switch (word) {
    case '':
    case 'help':
    case '?':
      return { name: 'help', topic: rest[0]?.toLowerCase() };
    case 'ask':
      return tail ? { name: 'ask', text: tail } : { name: 'unknown', word, problem: 'ask needs the error or question after it' };
    case 'check': {
      const kind = rest[0]?.toLowerCase();
      const subject = tail.slice(rest[0]?.length ?? 0).trim();
      if (!kind || !(OFFLINE_KINDS as readonly string[]).includes(kind)) {
        return { name: 'unknown', word: `check ${kind ?? ''}`.trim(), problem: `check needs one of: ${CHECK_KINDS.join(', ')}` };
      }
      return { name: 'check', kind: kind as OfflineCheckKind, subject };
    }
    case 'escalate':
      return { name: 'escalate', note: tail };
    case 'escalations':
      return { name: 'escalations' };
    case 'escalation':
      return parseEscalation(rest, tail);
    case 'kb':
      return tail ? { name: 'kb', articleId: tail.toLowerCase() } : { name: 'kb', articleId: '' };
    default:
      if (mode === 'line' && trimmed.split(/\s+/).length < 4) {
        return { name: 'unknown', word: first, problem: `"${first.slice(0, 40)}" is not a command` };
      }
      return { name: 'ask', text: trimmed };
  }
}

/** `escalation claim|resolve|reopen|show ESC-1001 [text]`; the id may be given as 1001 or esc-1001. */
function parseEscalation(rest: string[], tail: string): Command {
  const verb = rest[0]?.toLowerCase() ?? '';
  const usage = `escalation needs ${ESCALATION_VERBS.join(', ')}, then an id: escalation resolve ESC-1001 <what fixed it>`;
  if (!(ESCALATION_VERBS as readonly string[]).includes(verb)) return { name: 'unknown', word: `escalation ${verb}`.trim(), problem: usage };
  const id = /^(?:esc-)?(\d{1,9})$/i.exec(rest[1] ?? '');
  if (!id) return { name: 'unknown', word: `escalation ${verb}`, problem: `escalation ${verb} needs an escalation id like ESC-1001` };
  const text = tail.slice(tail.indexOf(rest[1]!) + rest[1]!.length).trim();
  return { name: 'escalation', verb: verb as EscalationVerb, id: `ESC-${id[1]}`, text };
}

/** True when the text starts with a command word, so a mention like "@idc check user bob" runs it. */
export function looksLikeCommand(text: string): boolean {
  const first = text.trim().split(/\s+/, 1)[0]!.replace(/^\//, '').toLowerCase();
  return COMMAND_WORDS.includes(first);
}
