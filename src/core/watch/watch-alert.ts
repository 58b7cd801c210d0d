import type { LiveCheckName } from '../checks/live-check-registry';

/**
 * What the CloudTrail watcher reports, platform-free. The kinds are an interface (the CLI's
 * `watch --once --json` prints them and operators script against them): never rename one.
 */
export const WATCH_KINDS = ['scim-failure', 'recreated-principal', 'stale-assignment', 'signin-failures', 'provisioning-failure'] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

export interface WatchAlert {
  kind: WatchKind;
  /**
   * Identifies the finding across intervals, restarts and replicas (e.g. kind, user id, error):
   * the same key is summarised again at most once a day.
   */
  key: string;
  /** The user, group, permission set or account concerned, plain text. */
  subject: string;
  /** Knowledge base article id; null when none fits. */
  article: string | null;
  count: number;
  first: Date;
  last: Date;
  /** One sentence, plain text (may carry AWS text: renderers escape it). */
  detail: string;
  /** Exact fix commands, plain text. */
  fix?: string;
  /** The live check the "Run the check" button runs. */
  check?: { name: LiveCheckName; subject: string };
}

/** The CLI's `--json` shape: stable keys, ISO times. */
export function alertJson(a: WatchAlert): { kind: WatchKind; subject: string; article: string | null; count: number; first: string; last: string; detail: string } {
  return { kind: a.kind, subject: a.subject, article: a.article, count: a.count, first: a.first.toISOString(), last: a.last.toISOString(), detail: a.detail };
}
