/**
 * Every escalation message, as neutral Replies. Names, pasted text, notes, resolutions and check
 * lines come from people: they only go into plain-text places (facts, findings, quote, text).
 */
import { encodeAction, type ActionPayload } from '../commands/action-payload';
import { percent } from '../replies/compose-answer';
import type { Escalation, EscalationEvent, EscalationStatus } from './escalation';
import type { Actor } from '../input';
import type { Action, Block, Fact, Finding, Reply } from '../replies/reply';
import { formatAge, formatTime } from '../text/format-time';

const STATUS_LABEL: Record<EscalationStatus, string> = { open: 'Open', claimed: 'Claimed', resolved: 'Resolved' };
const ACTION_VERB: Record<EscalationEvent['action'], string> = {
  opened: 'opened by',
  claimed: 'claimed by',
  resolved: 'resolved by',
  reopened: 'reopened by',
  reminded: 'reminder sent by',
};

export const who = (actor: Actor): string => actor.name ?? actor.id;

/** When it last became open: reminders count from there. */
export function openSince(e: Escalation): Date {
  return [...e.history].reverse().find((h) => h.action === 'opened' || h.action === 'reopened')?.at ?? e.createdAt;
}

function escalationActions(e: Escalation): Action[] {
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

/** The message in the support channel: everything the bot knew, the state, and what to do. */
export function composeSupportMessage(e: Escalation): Reply {
  const facts: Fact[] = [
    { label: 'Asked by', value: `${who(e.requester)} (${e.requester.platform} ${e.requester.id})` },
    { label: 'Where', value: `${e.origin.platform} ${e.origin.channelId}${e.origin.threadId ? `, thread ${e.origin.threadId}` : ''}` },
  ];
  if (e.origin.permalink) facts.push({ label: 'Link', value: e.origin.permalink });
  if (e.articleId) facts.push({ label: 'Matched article', value: e.confidence === undefined ? e.articleId : `${e.articleId} (${percent(e.confidence)} confidence)` });
  else facts.push({ label: 'Matched article', value: 'none' });
  facts.push({ label: 'Opened', value: formatTime(e.createdAt) });
  if (e.claimedBy) facts.push({ label: 'Claimed by', value: who(e.claimedBy) });
  if (e.resolution) facts.push({ label: 'Resolution', value: e.resolution });
  if (e.note) facts.push({ label: 'Note', value: e.note });

  const blocks: Block[] = [{ type: 'heading', text: `${e.id} · ${STATUS_LABEL[e.status]}` }, { type: 'facts', items: facts }];
  blocks.push(e.text ? { type: 'quote', text: e.text } : { type: 'context', text: '_No message text was captured for this thread._' });
  if (e.checks.length > 0) {
    blocks.push({ type: 'markdown', text: '**Check results**' }, { type: 'findings', items: e.checks.map((line): Finding => ({ status: 'info', title: line })) });
  }
  blocks.push({
    type: 'facts',
    items: e.history.map((h) => ({ label: formatTime(h.at), value: `${ACTION_VERB[h.action]} ${who(h.actor)}${h.note ? `: ${h.note}` : ''}` })),
  });
  blocks.push({ type: 'actions', actions: escalationActions(e) });
  const firstLine = e.text.split('\n', 1)[0]!.slice(0, 120);
  return {
    kind: 'escalation',
    text: `${e.id} (${e.status}) from ${who(e.requester)}${firstLine ? `: ${firstLine}` : ''}`,
    blocks,
    visibility: 'public',
    articleId: e.articleId,
  };
}

/** The reply in the asker's thread when an escalation is opened (or already exists). */
export function composeEscalated(e: Escalation, how: 'opened' | 'existing' | 'reopened' | 'unposted'): Reply {
  const title = how === 'existing' ? `Already escalated as ${e.id}` : how === 'reopened' ? `Reopened ${e.id}` : `Escalated as ${e.id}`;
  const sentence = {
    opened: 'The support team has this thread with everything I know about it. Updates will appear here.',
    existing: 'This thread already has an escalation; I did not open a second one. Updates appear here.',
    reopened: 'This thread’s escalation was resolved; I reopened it for the support team.',
    unposted: 'It is recorded, but the support channel could not be reached just now. I keep retrying, and say so here when it arrives.',
  }[how];
  const facts: Fact[] = [{ label: 'Status', value: STATUS_LABEL[e.status] + (e.claimedBy ? ` by ${who(e.claimedBy)}` : '') }];
  if (e.supportMessage?.permalink) facts.push({ label: 'Support message', value: e.supportMessage.permalink });
  return {
    kind: 'escalation',
    text: `${title}. ${sentence}`,
    blocks: [{ type: 'heading', text: title }, { type: 'markdown', text: sentence }, { type: 'facts', items: facts }],
    visibility: 'public',
  };
}

/** Mirrored into the asker's thread after a change. Plain text: it names people. */
export function requesterUpdate(e: Escalation, action: EscalationEvent['action'] | 'posted', actor: Actor): string {
  switch (action) {
    case 'claimed':
      return `${e.id} was claimed by ${who(actor)}, who will follow up here.`;
    case 'resolved':
      return `${e.id} was resolved by ${who(actor)}: ${e.resolution ?? ''}`.trim();
    case 'reopened':
      return `${e.id} was reopened by ${who(actor)}.`;
    case 'posted':
      return `${e.id} has reached the support team.`;
    case 'opened':
    case 'reminded':
      return `${e.id}: ${action}.`;
  }
}

export function composeRequesterUpdate(text: string): Reply {
  return { kind: 'escalation', text, blocks: [{ type: 'text', text }], visibility: 'public' };
}

/** Posted for the support team when an escalation waits unclaimed. */
export function composeReminder(e: Escalation, now: Date): Reply {
  const age = formatAge(now.getTime() - openSince(e).getTime());
  return {
    kind: 'escalation',
    text: `Reminder: ${e.id} has waited ${age} with nobody on it.`,
    blocks: [
      { type: 'heading', text: `Reminder: ${e.id} is unclaimed` },
      { type: 'markdown', text: `It has waited **${age}** with nobody on it.` },
      { type: 'actions', actions: escalationActions(e) },
    ],
    visibility: 'public',
  };
}

/** `escalations`: open and claimed ones, oldest first. Private: it names people. */
export function composeEscalationList(list: Escalation[], now: Date, more: boolean): Reply {
  if (list.length === 0) {
    return { kind: 'escalation', text: 'No open escalations.', blocks: [{ type: 'heading', text: 'No open escalations' }], visibility: 'private' };
  }
  const items: Finding[] = list.map((e) => ({
    status: e.status === 'open' ? 'warn' : 'info',
    title: `${e.id} · ${e.status} · waiting ${formatAge(now.getTime() - e.createdAt.getTime())}`,
    detail: [
      `asked by ${who(e.requester)} in ${e.origin.platform} ${e.origin.channelId}`,
      e.articleId ? `article ${e.articleId}` : 'no article',
      e.claimedBy ? `claimed by ${who(e.claimedBy)}` : 'unclaimed',
      e.note ? `note: ${e.note.slice(0, 100)}` : '',
    ]
      .filter(Boolean)
      .join(' · '),
    article: e.articleId,
  }));
  const blocks: Block[] = [{ type: 'heading', text: `Open escalations (${list.length}${more ? '+' : ''})` }, { type: 'findings', items }];
  if (more) blocks.push({ type: 'context', text: `Showing the oldest ${list.length}.` });
  return { kind: 'escalation', text: items.map((i) => i.title).join('\n'), blocks, visibility: 'private' };
}

/** After "Not helpful": thanks, and the way to a person. */
export function composeNotHelpful(payload: ActionPayload): Reply {
  return {
    kind: 'notice',
    text: 'Thanks, noted. Sorry it missed: escalate to hand this thread to the support team.',
    blocks: [
      { type: 'heading', text: 'Thanks, noted.' },
      { type: 'markdown', text: 'Sorry it missed. **Escalate** hands this thread to the support team with everything I know.' },
      { type: 'actions', actions: [{ id: 'escalate', label: 'Escalate', value: encodeAction({ a: payload.a, h: payload.h }), style: 'danger' }] },
    ],
    visibility: 'private',
  };
}
