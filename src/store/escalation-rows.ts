import type { Escalation, EscalationEvent, EscalationStatus, MessageRef } from '../core/escalations/escalation';
import type { Actor, Conversation } from '../core/input';
import type { NewEscalation } from '../core/ports/store';
import type { Selectable } from 'kysely';
import type { Database, EscalationTable } from './schema';

type EventRow = Selectable<Database['escalation_events']>;
type EventInsert = Omit<EventRow, 'id'>;

const STATUSES: readonly EscalationStatus[] = ['open', 'claimed', 'resolved'];
const ACTIONS: readonly EscalationEvent['action'][] = ['opened', 'claimed', 'resolved', 'reopened', 'reminded'];

/** Rows from another version or a hand edit must not crash a reply: unknown values are named. */
function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`stored ${what} "${value}" is not one of ${allowed.join(', ')}`);
}

const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function escalationRow(id: string, number: number, draft: NewEscalation, at: number): EscalationTable {
  return {
    id,
    number,
    status: 'open',
    created_at: at,
    updated_at: at,
    open_since: at,
    reminded_at: null,
    requester: JSON.stringify(draft.requester),
    origin: JSON.stringify(draft.origin),
    origin_key: draft.originKey ?? null,
    text: draft.text,
    article_id: draft.articleId ?? null,
    confidence: draft.confidence ?? null,
    checks: JSON.stringify(draft.checks),
    note: draft.note ?? null,
    claimed_by: null,
    resolution: null,
    support_message: null,
  };
}

export function eventRow(escalationId: string, event: EscalationEvent): EventInsert {
  return { escalation_id: escalationId, at: event.at.getTime(), actor: JSON.stringify(event.actor), action: event.action, note: event.note ?? null };
}

export function toEscalation(row: EscalationTable, events: EventRow[]): Escalation {
  const escalation: Escalation = {
    id: row.id,
    status: oneOf(row.status, STATUSES, 'escalation status'),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
    requester: JSON.parse(row.requester) as Actor,
    origin: JSON.parse(row.origin) as Conversation,
    text: row.text,
    articleId: orUndefined(row.article_id),
    confidence: row.confidence === null ? undefined : Number(row.confidence),
    checks: JSON.parse(row.checks) as string[],
    note: orUndefined(row.note),
    claimedBy: row.claimed_by === null ? undefined : (JSON.parse(row.claimed_by) as Actor),
    resolution: orUndefined(row.resolution),
    supportMessage: row.support_message === null ? undefined : (JSON.parse(row.support_message) as MessageRef),
    history: events.map((e) => ({
      at: new Date(Number(e.at)),
      actor: JSON.parse(e.actor) as Actor,
      action: oneOf(e.action, ACTIONS, 'escalation event'),
      ...(e.note === null ? {} : { note: e.note }),
    })),
  };
  if (row.reminded_at !== null) escalation.remindedAt = new Date(Number(row.reminded_at));
  return escalation;
}
