import type { App } from '@slack/bolt';
import type { People } from '../core/ports/people';
import type { Actor } from '../core/input';
import { CoalescingCache } from '../core/coalescing-cache';
import type { Clock, Logger } from '../core/ports/ports';
import { systemClock } from '../core/ports/ports';
import { WarnOnce } from '../core/ports/warn-once';

/** Memberships change rarely and are asked on every support action: keep them 5 minutes. */
const TTL_MS = 5 * 60_000;
/** conversations.members returns up to 1,000 ids a page; 20 pages covers 20,000 members. */
const PAGE_SIZE = 1_000;
const MAX_PAGES = 20;

/**
 * Who is in a Slack channel (conversations.members, scopes channels:read / groups:read) and in a
 * user group (usergroups.users.list, scope usergroups:read), cached for 5 minutes. Concurrent asks
 * share one request. A failed request is not cached and counts as "no members": the callers decide
 * who may see private escalations and lookups, so failing closed is the safe side.
 */
export class SlackMemberships implements Pick<People, 'groupsOf'> {
  private readonly cache: CoalescingCache<ReadonlySet<string>>;
  private readonly warnings: WarnOnce;

  constructor(
    private readonly client: App['client'],
    /** The user groups worth asking about (LOOKUP_ALLOWED_SLACK_GROUPS and SUPPORT_SLACK_GROUPS). */
    private readonly groupIds: readonly string[],
    private readonly logger: Logger,
    clock: Clock = systemClock,
  ) {
    this.cache = new CoalescingCache<ReadonlySet<string>>(TTL_MS, () => clock.now().getTime());
    this.warnings = new WarnOnce(logger);
  }

  async inChannel(channel: string, userId: string): Promise<boolean> {
    return (await this.members(`channel:${channel}`, () => this.channelMembers(channel))).has(userId);
  }

  /** The configured user groups `actor` belongs to. */
  async groupsOf(actor: Actor): Promise<readonly string[]> {
    if (actor.platform !== 'slack') return [];
    const found: string[] = [];
    for (const group of this.groupIds) {
      const members = await this.members(`group:${group}`, () => this.groupMembers(group));
      if (members.has(actor.id)) found.push(group);
    }
    return found;
  }

  private members(key: string, load: () => Promise<ReadonlySet<string>>): Promise<ReadonlySet<string>> {
    return this.cache.get(key, load).catch((err: unknown) => {
      const error = (err as { data?: { error?: string } }).data?.error ?? (err as Error).message;
      // Once per key and error: a missing scope would otherwise log on every click.
      this.warnings.warn(
        `${key}:${error}`,
        { key, error },
        'could not read Slack members; treating as none. Fix: reinstall the app with the channels:read, groups:read and usergroups:read scopes (manifest/slack.yml), and invite it to the support channel',
      );
      return new Set<string>();
    });
  }

  private async channelMembers(channel: string): Promise<ReadonlySet<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.client.conversations.members({ channel, limit: PAGE_SIZE, cursor });
      for (const id of res.members ?? []) ids.add(id);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) return ids;
    }
    this.logger.warn({ channel, members: ids.size }, `the support channel has more than ${PAGE_SIZE * MAX_PAGES} members; only the first are counted`);
    return ids;
  }

  private async groupMembers(group: string): Promise<ReadonlySet<string>> {
    const res = await this.client.usergroups.users.list({ usergroup: group });
    return new Set(res.users ?? []);
  }
}
