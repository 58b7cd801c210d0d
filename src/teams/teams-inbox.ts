import type { AgentApplication, CloudAdapter, Request, TurnState, WebResponse } from '@microsoft/agents-hosting';
import type { Inbox } from '../core/inbox';
import type { InboxEntry } from '../core/ports/inbox-store';

interface StoredActivity {
  body: Record<string, unknown>;
  /** The verified token's claims (not the token): the SDK needs them to answer. */
  user: Request['user'];
}

/** `teams:<conversation id>:<activity id>`; undefined for an activity without an id (nothing to dedupe on). */
export function teamsInboxKey(body: Record<string, unknown>): string | undefined {
  const conversation = (body.conversation as { id?: unknown } | undefined)?.id;
  return typeof body.id === 'string' && body.id && typeof conversation === 'string' ? `teams:${conversation}:${body.id}` : undefined;
}

/** A response nobody reads: a recovered activity's HTTP request is long gone. */
class DiscardedResponse implements WebResponse {
  headersSent = false;
  writableEnded = false;
  status(): this {
    return this;
  }
  setHeader(): this {
    return this;
  }
  send(): this {
    this.writableEnded = true;
    return this;
  }
  end(): this {
    return this.send();
  }
}

/**
 * Runs a turn through the inbox: the activity is written first (Teams gets its 200 when the turn
 * ends), and marked done after. An activity already in the inbox is answered 200 and not run again.
 */
export async function runThroughInbox(inbox: Inbox | undefined, request: Request, response: WebResponse, turn: () => Promise<void>): Promise<void> {
  const body = request.body as Record<string, unknown>;
  const key = inbox && teamsInboxKey(body);
  if (!inbox || !key) return turn();
  const stored: StoredActivity = { body, user: request.user };
  const accepted = await inbox.accept(key, 'teams', JSON.stringify(stored));
  if (accepted === 'duplicate') {
    response.status(200).end();
    return;
  }
  return accepted === 'new' ? inbox.work(key, turn) : turn();
}

/** How the Teams edge works an activity recovered from the inbox after a crash. */
export function replayTeamsActivity(inbox: Inbox, adapter: CloudAdapter, app: AgentApplication<TurnState>): (entry: InboxEntry) => Promise<void> {
  return (entry) => {
    const { body, user } = JSON.parse(entry.payload) as StoredActivity;
    const request: Request = { headers: {}, method: 'POST', body, user };
    return inbox.work(entry.key, () => adapter.process(request, new DiscardedResponse(), (ctx) => app.run(ctx)));
  };
}
