import { parseSpans } from '../render/markdown-spans';

/** How a name was found in a step: writers mark console labels in bold and API, CLI and IAM names in backticks. */
export type StepNameKind = 'code' | 'bold' | 'api' | 'iam-action' | 'cli-flag';

export interface StepName {
  kind: StepNameKind;
  name: string;
}

/** Leading verbs of AWS API operation names (CreateAccountAssignment, ListInstances, ProvisionPermissionSet…). */
const API_VERBS =
  'Add|Associate|Attach|Batch|Create|Delete|Deregister|Describe|Detach|Disable|Disassociate|Enable|Get|Import|List|Patch|Provision|Put|Register|Remove|Reset|Rotate|Search|Start|Stop|Tag|Untag|Update';
const API_NAME = new RegExp(`\\b(?:${API_VERBS})(?:[A-Z][a-z0-9]*)+\\b`, 'g');
/**
 * `sso:ListInstances`, `iam:UpdateAssumeRolePolicy`, `identitystore:GetUserId`, `sso:*`; not the
 * pieces of a URN such as urn:oasis:names:tc:SAML:1.1:… (preceded or followed by another colon).
 */
const IAM_ACTION = /(?<![\w:./-])[a-z][a-z0-9-]*:(?:[A-Z][A-Za-z0-9]*\*?|\*)(?![\w:*])/g;
const CLI_FLAG = /(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;

/** A code span that is exactly an IAM action or a CLI flag is compared as written, like an unmarked one. */
function codeKind(text: string): StepNameKind {
  const whole = (re: RegExp) => new RegExp(`^(?:${re.source})$`).test(text.trim());
  if (whole(IAM_ACTION)) return 'iam-action';
  if (whole(CLI_FLAG)) return 'cli-flag';
  return 'code';
}

/**
 * The names a step asks the reader to find or type: every `backticked` and **bold** span, plus
 * unmarked API operation names, IAM actions and CLI flags. `kb lint` checks each against the
 * article's source copies, so a step cannot name a console path or an API that no source has.
 */
export function stepNames(step: string): StepName[] {
  const out: StepName[] = [];
  const seen = new Set<string>();
  const add = (kind: StepNameKind, name: string) => {
    const trimmed = name.trim();
    const key = `${kind}\u0000${trimmed}`;
    if (!trimmed || seen.has(key)) return;
    seen.add(key);
    out.push({ kind, name: trimmed });
  };
  for (const line of step.split('\n')) {
    const plain: string[] = [];
    for (const span of parseSpans(line)) {
      if (span.kind === 'code') add(codeKind(span.text), span.text);
      else if (span.kind === 'bold') add('bold', span.text);
      else plain.push(span.text);
    }
    // Unmarked names only in text outside spans: a marked span is already checked whole.
    const rest = plain.join(' ');
    for (const m of rest.matchAll(IAM_ACTION)) add('iam-action', m[0]);
    for (const m of rest.matchAll(CLI_FLAG)) add('cli-flag', m[0]);
    for (const m of rest.replace(IAM_ACTION, ' ').matchAll(API_NAME)) add('api', m[0]);
  }
  return out;
}
