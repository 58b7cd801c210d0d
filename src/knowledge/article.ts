import { z } from 'zod';
import { LIVE_CHECK_NAMES, type LiveCheckName } from '../core/checks/live-check-registry';

/** Names of the checks an article can offer: the live checks' registry names, and the offline (no AWS) linters. */
export type CheckName = LiveCheckName | 'saml' | 'scim';
export const CHECK_NAMES: readonly [CheckName, ...CheckName[]] = ['saml', 'scim', ...LIVE_CHECK_NAMES];

const nonEmpty = z.string().trim().min(1);

/** CloudTrail events that point at an article, e.g. a failed ExternalIdPDirectoryLogin. */
export const eventSignatureSchema = z
  .object({
    /** eventName, or "*" for any event from `source` (then `source` is required). */
    name: nonEmpty,
    source: nonEmpty.optional(),
    /** true: only a failed event (errorCode, FAILURE status) points here. */
    failed: z.boolean().optional(),
    /** Only an event with this errorCode points here (e.g. ConflictException); implies failed. */
    error: nonEmpty.optional(),
  })
  .strict()
  .refine((e) => e.name !== '*' || e.source !== undefined, { message: 'name "*" needs a source', path: ['source'] });

export const sourceSchema = z
  .object({
    url: z.string().url(),
    /** What the answer's link says, e.g. "AWS docs: Troubleshooting IAM Identity Center issues › …". */
    title: nonEmpty,
    file: nonEmpty.optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export const frontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, dashes)'),
    title: nonEmpty.max(150),
    /** The heading of the source page section the facts come from. */
    section: nonEmpty,
    /** Exact strings people paste (error messages, log fragments). Matched case-insensitively. */
    signatures: z.array(nonEmpty.min(6, 'a signature needs at least 6 characters')).default([]),
    /** How people describe the problem in their own words. */
    symptoms: z.array(nonEmpty).min(1, 'at least one symptom phrasing is needed'),
    /**
     * Phrases that show the message is about something else even when a signature matched, e.g.
     * "AWSServiceRoleFor" (service-linked roles give the same IAM error as AWSReservedSSO_ roles).
     */
    excludes: z.array(nonEmpty.min(4, 'an exclude phrase needs at least 4 characters')).default([]),
    tags: z.array(nonEmpty).default([]),
    checks: z.array(z.enum(CHECK_NAMES)).default([]),
    events: z.array(eventSignatureSchema).default([]),
    /**
     * Where the facts come from: AWS documentation first, re:Post or GitHub only as evidence of a
     * symptom. `file` names a text copy under `knowledge/sources/` that `kb lint` checks names against.
     */
    sources: z.array(sourceSchema).default([]),
  })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type EventSignature = z.infer<typeof eventSignatureSchema>;

export interface Article extends FrontMatter {
  /** First sentence of the Cause section: the one-line answer. */
  summary: string;
  /** Full Cause section, neutral Markdown. */
  cause: string;
  /** Numbered remediation steps, neutral Markdown each. */
  steps: string[];
  /** When to hand the case to the support team, neutral Markdown. */
  escalate: string;
  /** File the article was loaded from. */
  file: string;
}
