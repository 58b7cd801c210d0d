import { encodeAction } from '../core/action-payload';
import type { Escalation, EscalationStatus } from '../core/escalation';
import type { Action, Block, Fact, Reply } from '../core/reply';

const STATUS: Record<EscalationStatus, string> = { open: 'Open', claimed: 'Claimed', resolved: 'Resolved' };
const MAX_TEXT_CHARS = 3_000;

function when(d: Date): string {
  return d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function actionsFor(e: Escalation): Action[] {
  const value = encodeAction({ e: e.id });
  switch (e.status) {
    case 'open':
      return [
        { id: 'escalation.claim', label: 'Claim', value, style: 'primary' },
        { id: 'escalation.resolve', label: 'Resolve', value },
      ];
    case 'claimed':
      return [{ id: 'escalation.resolve', label: 'Resolve', value, style: 'primary' }];
    case 'resolved':
      return [{ id: 'escalation.reopen', label: 'Reopen', value }];
  }
}

/**
 * The support team's view of an escalation, as a neutral reply: who asked, where, what the bot
 * knew, the status and the buttons that move it on. Rendered again after every change so the
 * support message is updated in place. Names are shown: the support channel may see them.
 */
export function composeEscalationReply(e: Escalation): Reply {
  const facts: Fact[] = [
    { label: 'Status', value: STATUS[e.status] },
    { label: 'Asked by', value: e.requester.name ?? e.requester.id },
    { label: 'Where', value: `${e.origin.platform}${e.origin.permalink ? ` · ${e.origin.permalink}` : ''}` },
    { label: 'Opened', value: when(e.createdAt) },
  ];
  if (e.articleId) facts.push({ label: 'Matched article', value: `${e.articleId}${e.confidence !== undefined ? ` (${Math.round(e.confidence * 100)}%)` : ''}` });
  if (e.claimedBy) facts.push({ label: 'Claimed by', value: e.claimedBy.name ?? e.claimedBy.id });
  if (e.resolution) facts.push({ label: 'Resolution', value: e.resolution });
  const blocks: Block[] = [
    { type: 'heading', text: `Escalation ${e.id}` },
    { type: 'facts', items: facts },
    { type: 'quote', text: e.text.slice(0, MAX_TEXT_CHARS) },
  ];
  if (e.note) blocks.push({ type: 'text', text: `Note: ${e.note}` });
  if (e.checks.length) blocks.push({ type: 'code', text: e.checks.join('\n') });
  const last = e.history[e.history.length - 1];
  if (last) blocks.push({ type: 'context', text: `Last change: ${last.action} by ${(last.actor.name ?? last.actor.id).replace(/[*_`[\]]/g, '')}, ${when(last.at)}` });
  blocks.push({ type: 'actions', actions: actionsFor(e) });
  return {
    kind: 'escalation',
    text: `Escalation ${e.id} (${STATUS[e.status]}) from ${e.requester.name ?? e.requester.id}: ${e.text.slice(0, 200)}`,
    blocks,
    visibility: 'public',
  };
}

/** What the asker sees in their thread when their escalation changes. `text` is plain text from the flow. */
export function composeRequesterNotice(e: Escalation, text: string): Reply {
  return {
    kind: 'escalation',
    text: `Escalation ${e.id}: ${text}`,
    blocks: [
      { type: 'heading', text: `Escalation ${e.id} · ${STATUS[e.status]}` },
      { type: 'text', text },
    ],
    visibility: 'public',
  };
}
