/**
 * Every live check (AWS lookups), declared once. Command parsing, `help`, the "Run check" buttons,
 * the action payloads, the CLI, the `checked` metric label and the IAM policy test all read this.
 * Platform-free: a check runs by calling `method` of the AWS side's `LiveChecks`, whose type is
 * derived from this table, so a check without an implementation does not compile.
 */
export interface LiveCheckSpec {
  /** Stable name: audit entries, metrics, button payloads (`c`), `CheckReport.check`. */
  readonly name: string;
  /** The words that run it, after `/idc` or a mention, and on the CLI: `check user`, `trail`. */
  readonly words: string;
  /** What goes after the words in the usage line, e.g. `<name|email>`. */
  readonly subjectHint: string;
  /** One line for `help` and the CLI usage. */
  readonly summary: string;
  /** Calls AWS for seconds: the chat edges show progress (:eyes:, "Running the check…"). */
  readonly slow: boolean;
  /** Needs a user, e-mail or group name after the words. */
  readonly needsSubject: boolean;
  /** `<words> me` (and `selfWords` alone) run it on the asker's own e-mail; absent: no self form. */
  readonly self?: { readonly words: string; readonly summary: string };
  /** The method of `LiveChecks` (the AWS side) that runs it. */
  readonly method: string;
  /** The label of the button that offers it for someone named in a message. */
  readonly button: (who: string) => string;
  /** The IAM actions it may call (docs/iam-policy.json grants exactly these plus the watcher's). */
  readonly iamActions: readonly string[];
}

const IDENTITY_USER = ['identitystore:GetUserId', 'identitystore:DescribeUser'] as const;
/** Assignment scans: permission sets, their accounts and assignments, and whether each principal still exists. */
const ASSIGNMENT_SCAN = [
  'sso:ListPermissionSets',
  'sso:ListAccountsForProvisionedPermissionSet',
  'sso:ListAccountAssignments',
  'identitystore:DescribeUser',
  'identitystore:DescribeGroup',
] as const;

/** In the order the "Run check" button prefers them when an article names several. */
export const LIVE_CHECKS = [
  {
    name: 'user',
    words: 'check user',
    subjectHint: '<name|email>',
    summary: 'look the user up in the Identity Store and CloudTrail (authorised people)',
    slow: true,
    needsSubject: true,
    self: { words: 'check me', summary: 'the user check on yourself, by the e-mail of your chat account (anyone, when self-service is on)' },
    method: 'checkUser',
    button: (who: string) => `Check user ${who}`,
    iamActions: [...IDENTITY_USER, 'identitystore:ListGroupMembershipsForMember', 'cloudtrail:LookupEvents', ...ASSIGNMENT_SCAN],
  },
  {
    name: 'assignments',
    words: 'check assignments',
    subjectHint: '<user|group>',
    summary: 'find account assignments that point at deleted principals',
    slow: true,
    needsSubject: true,
    method: 'checkAssignments',
    button: (who: string) => `Check assignments of ${who}`,
    iamActions: ['identitystore:GetUserId', 'identitystore:GetGroupId', ...ASSIGNMENT_SCAN, 'sso:DescribePermissionSet'],
  },
  {
    name: 'trail',
    words: 'trail',
    subjectHint: '<user>',
    summary: 'the story of the user’s recent sign-ins from CloudTrail',
    slow: true,
    needsSubject: true,
    method: 'trail',
    button: (who: string) => `Sign-in trail of ${who}`,
    iamActions: [...IDENTITY_USER, 'cloudtrail:LookupEvents'],
  },
] as const satisfies readonly LiveCheckSpec[];

type Entry = (typeof LIVE_CHECKS)[number];

export type LiveCheckName = Entry['name'];

export const LIVE_CHECK_NAMES: readonly LiveCheckName[] = LIVE_CHECKS.map((c) => c.name);

/** The method of the AWS side's `LiveChecks` (src/core/checks/checks.ts) that runs each check. */
export type LiveCheckMethod = Entry['method'];

export function isLiveCheckName(name: unknown): name is LiveCheckName {
  return typeof name === 'string' && (LIVE_CHECK_NAMES as readonly string[]).includes(name);
}

export function liveCheck(name: LiveCheckName): LiveCheckSpec {
  return LIVE_CHECKS.find((c) => c.name === name)!;
}

export function methodOf(name: LiveCheckName): LiveCheckMethod {
  return LIVE_CHECKS.find((c) => c.name === name)!.method;
}

/** `check user <name|email>`: the usage line, as help and the CLI show it. */
export function usageOf(spec: LiveCheckSpec): string {
  return spec.needsSubject ? `${spec.words} ${spec.subjectHint}` : `${spec.words} [${spec.subjectHint.replace(/^<|>$/g, '')}]`;
}

/** Every way to type a live check, for help: the check, then its self form. */
export function liveCheckUsages(): Array<{ usage: string; summary: string }> {
  return LIVE_CHECKS.flatMap((c: LiveCheckSpec) => [{ usage: usageOf(c), summary: c.summary }, ...(c.self ? [{ usage: c.self.words, summary: c.self.summary }] : [])]);
}

/** A typed line that names a live check: which one, and the subject (or the asker themself). */
export type LiveCheckLine =
  | { check: LiveCheckName; subject: string; self: false }
  | { check: LiveCheckName; subject: ''; self: true }
  | { check: LiveCheckName; problem: string };

/** Words a person types for themself after a check's words (`check user me`). */
const SELF_WORD = 'me';

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);

/**
 * Recognises a live check at the start of `text` (`check user alice`, `trail bob`, `check me`),
 * case-insensitively. Undefined: the text names no live check.
 */
export function matchLiveCheck(text: string): LiveCheckLine | undefined {
  const typed = words(text);
  const lower = typed.map((w) => w.toLowerCase());
  const starts = (phrase: string) => {
    const p = words(phrase);
    return p.every((w, i) => lower[i] === w) ? p.length : 0;
  };
  for (const spec of LIVE_CHECKS as readonly (LiveCheckSpec & { name: LiveCheckName })[]) {
    if (spec.self) {
      const n = starts(spec.self.words);
      if (n && typed.length === n) return { check: spec.name, subject: '', self: true };
    }
    const n = starts(spec.words);
    if (!n) continue;
    const rest = typed.slice(n);
    if (spec.self && rest.length === 1 && rest[0]!.toLowerCase() === SELF_WORD) return { check: spec.name, subject: '', self: true };
    const subject = text.trim().replace(new RegExp(`^(?:\\S+\\s*){${n}}`), '').trim();
    if (!subject && spec.needsSubject) return { check: spec.name, problem: `${spec.words} needs a user name or e-mail` };
    return { check: spec.name, subject, self: false };
  }
  return undefined;
}

/** True when the text starts with the words of a slow live check: the edges show progress. */
export function isSlowLiveCheck(text: string): boolean {
  const line = matchLiveCheck(text);
  return !!line && liveCheck(line.check).slow;
}
