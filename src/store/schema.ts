import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Same columns in SQLite and PostgreSQL: times are epoch
 * milliseconds (INTEGER / BIGINT; the pg pool parses BIGINT as a JS number), booleans are 0/1,
 * structured values (actors, conversations, message refs, check lines) are JSON text.
 */
export interface Database {
  seen_events: ExpiringKeyTable;
  answered_threads: ExpiringKeyTable;
  thread_contexts: {
    key: string;
    /** JSON ThreadContext without `at`. */
    value: string;
    at: number;
    expires_at: number;
  };
  conversation_refs: { key: string; value: string; updated_at: number };
  audit_log: {
    id: Generated<number>;
    at: number;
    actor: string;
    check_name: string;
    subject: string;
    outcome: string;
    detail: string | null;
  };
  answers: {
    id: Generated<number>;
    article_id: string;
    confidence: number;
    message_hash: string;
    platform: string;
    at: number;
  };
  /** One vote per (article, message, voter): voting again replaces the vote. */
  feedback: {
    article_id: string;
    message_hash: string;
    voter: string;
    helpful: number;
    actor: string;
    at: number;
  };
  asked_messages: {
    message_hash: string;
    text: string;
    outcome: string;
    article_id: string | null;
    confidence: number | null;
    platform: string;
    at: number;
  };
  learning_signals: {
    id: Generated<number>;
    message_hash: string;
    kind: string;
    article_id: string | null;
    actor: string;
    at: number;
  };
  counters: { name: string; value: number };
  escalations: EscalationTable;
  watch_leases: { name: string; holder: string; expires_at: number };
  watch_cursors: { name: string; at: number };
  watch_alerts: WatchAlertTable;
  watch_deletions: { key: string; principal_type: string; principal_id: string; at: number };
  escalation_events: {
    id: Generated<number>;
    escalation_id: string;
    at: number;
    actor: string;
    action: string;
    note: string | null;
  };
  inbox: InboxTable;
}

/** The durable inbox: a row per delivery, from before its ack until a day after it was answered. */
export interface InboxTable {
  key: string;
  platform: string;
  /** The delivery's JSON while unfinished; '' once done. */
  payload: string;
  received_at: number;
  owner: string;
  lease_until: number;
  attempts: number;
  done_at: number | null;
  /** Set just before the reply is sent: after a crash, the reply may or may not have gone out. */
  answering_at: number | null;
}

export interface ExpiringKeyTable {
  key: string;
  expires_at: number;
}

export interface EscalationTable {
  id: string;
  /** The number in the id, for ordering. */
  number: number;
  status: string;
  created_at: number;
  updated_at: number;
  /** When it last became open (creation or reopen): reminders count from here. */
  open_since: number;
  reminded_at: number | null;
  requester: string;
  origin: string;
  /** Unique: one escalation per thread. NULL for origins without a thread (never merged). */
  origin_key: string | null;
  text: string;
  article_id: string | null;
  confidence: number | null;
  checks: string;
  note: string | null;
  claimed_by: string | null;
  resolution: string | null;
  support_message: string | null;
}

/** One pending summary of the watcher per finding key; `count` restarts at 0 once reported. */
export interface WatchAlertTable {
  key: string;
  kind: string;
  subject: string;
  article: string | null;
  detail: string;
  fix: string | null;
  /** JSON {name, subject} of the check the button runs, or NULL. */
  check_json: string | null;
  count: number;
  first_at: number;
  last_at: number;
  reported_at: number | null;
  updated_at: number;
}
