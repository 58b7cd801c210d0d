import type { App } from '@slack/bolt';
import { CoalescingCache } from '../core/coalescing-cache';
import type { Actor } from '../core/input';
import type { People } from '../core/ports/people';
import type { Clock, Logger } from '../core/ports/ports';
import { systemClock } from '../core/ports/ports';
import { WarnOnce } from '../core/ports/warn-once';

/** A Slack account's e-mail changes rarely; 10 minutes bounds how long a changed one is trusted. */
const TTL_MS = 10 * 60_000;
const MAX_USERS = 5_000;
const SCOPE_FIX = 'Fix: reinstall the app with the users:read and users:read.email scopes (manifest/slack.yml).';

/**
 * What Slack knows about the person asking: user groups from SlackMemberships, and the asker's own
 * e-mail from `users.info` (profile.email; scopes users:read and users:read.email). E-mails are
 * cached per user for 10 minutes and concurrent asks share one request. A failed request is not
 * cached and counts as "unknown": self-service lookups then refuse (fail closed). E-mails are
 * never logged.
 */
export class SlackPeople implements People {
  private readonly emails: CoalescingCache<string | undefined>;
  private readonly warnings: WarnOnce;

  constructor(
    private readonly client: App['client'],
    private readonly memberships: Pick<People, 'groupsOf'>,
    logger: Logger,
    clock: Clock = systemClock,
  ) {
    this.warnings = new WarnOnce(logger);
    this.emails = new CoalescingCache<string | undefined>(TTL_MS, () => clock.now().getTime(), MAX_USERS);
  }

  groupsOf(actor: Actor): Promise<readonly string[]> {
    return this.memberships.groupsOf(actor);
  }

  async emailOf(actor: Actor): Promise<string | undefined> {
    if (actor.platform !== 'slack') return undefined;
    try {
      return await this.emails.get(actor.id, () => this.readEmail(actor.id));
    } catch (err) {
      const error = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
      this.warnings.warn(error, { error }, `could not read the asker's Slack profile (users.info); treating the e-mail as unknown.${error === 'missing_scope' ? ` ${SCOPE_FIX}` : ''}`);
      return undefined;
    }
  }

  private async readEmail(user: string): Promise<string | undefined> {
    const res = await this.client.users.info({ user });
    const email = res.user?.profile?.email?.trim();
    // Without users:read.email Slack answers ok but leaves the e-mail out (bots have none either).
    if (!email && !res.user?.is_bot) this.warnings.warn('no-email', {}, `Slack returned a profile without an e-mail; self-service lookups will refuse. ${SCOPE_FIX}`);
    return email || undefined;
  }
}
