import type { webApi } from '@slack/bolt';
import type { Logger } from '../core/ports/ports';
import { slackErrorCode } from './deliver-reply';

/** Membership is read at most this often (the Home tab is opened often; the team changes rarely). */
const CACHE_MS = 5 * 60_000;
/** conversations.members pages; a support channel of more than 5 × 1,000 members is not a team. */
const MAX_PAGES = 5;

/**
 * Who is on the support team: the members of SLACK_SUPPORT_CHANNEL (`conversations.members`,
 * scopes channels:read and groups:read). Without a support channel there is no team. A failed
 * read counts as "not a member" (escalations name people, so the Home tab fails closed).
 */
export class SupportTeam {
  private members?: { ids: ReadonlySet<string>; at: number };

  constructor(
    private readonly client: webApi.WebClient,
    private readonly channel: string | undefined,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  async includes(userId: string): Promise<boolean> {
    if (!this.channel) return false;
    if (!this.members || this.now() - this.members.at > CACHE_MS) {
      try {
        this.members = { ids: await this.read(this.channel), at: this.now() };
      } catch (err) {
        this.logger.warn({ code: slackErrorCode(err), err: (err as Error).message }, 'could not read the support channel members; showing no escalations');
        return false;
      }
    }
    return this.members.ids.has(userId);
  }

  private async read(channel: string): Promise<ReadonlySet<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await this.client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
      for (const id of res.members ?? []) ids.add(id);
      cursor = res.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return ids;
  }
}
