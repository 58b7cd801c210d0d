import type { MessageRef } from '../core/escalations/escalation';
import type { Reply } from '../core/replies/reply';
import type { DigestPoster } from '../core/watch/watch-ports';
import type { TeamsProactive } from './teams-proactive';

/** The watcher's digest in Teams: a proactive message to WATCH_TEAMS_CONVERSATION through its stored conversation reference. */
export class TeamsDigestPoster implements DigestPoster {
  readonly platform = 'teams' as const;

  constructor(
    private readonly proactive: TeamsProactive,
    private readonly conversationId: string,
  ) {}

  post(digest: Reply): Promise<MessageRef> {
    return this.proactive.post(this.conversationId, 'WATCH_TEAMS_CONVERSATION', digest);
  }
}
