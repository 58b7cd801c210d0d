import { encodeAction } from '../commands/action-payload';
import { liveCheck } from '../checks/live-check-registry';
import type { Action, Block, Finding, Reply } from '../replies/reply';
import type { WatchAlert, WatchKind } from './watch-alert';
import { formatTime } from '../text/format-time';
import { truncate, truncateLine } from '../text/truncate';

export const KIND_TITLES: Record<WatchKind, string> = {
  'scim-failure': 'SCIM provisioning failed',
  'recreated-principal': 'Deleted and created again',
  'stale-assignment': 'Assignment points at a deleted principal',
  'signin-failures': 'Repeated sign-in failures',
  'provisioning-failure': 'Provisioning failed',
};

const STATUS: Record<WatchKind, Finding['status']> = {
  'scim-failure': 'fail',
  'recreated-principal': 'warn',
  'stale-assignment': 'fail',
  'signin-failures': 'warn',
  'provisioning-failure': 'fail',
};

/** "3×, 14:01 to 14:09 UTC" or "once, 14:01 UTC". */
export function span(a: WatchAlert): string {
  const when = a.first.getTime() === a.last.getTime() ? formatTime(a.first) : `${formatTime(a.first)} to ${formatTime(a.last)}`;
  return `${a.count === 1 ? 'once' : `${a.count}×`}, ${when}`;
}

/** One line of the plain-text digest (CLI, notifications). */
export function digestLine(a: WatchAlert): string {
  return `- ${KIND_TITLES[a.kind]}: ${a.subject} (${span(a)})${a.article ? ` [${a.article}]` : ''}: ${a.detail}`;
}

function buttons(a: WatchAlert): Action[] {
  const out: Action[] = [];
  if (a.article) out.push({ id: 'kb.show', label: 'Open the article', value: encodeAction({ a: a.article }), style: 'primary' });
  if (a.check) out.push({ id: 'check.run', label: liveCheck(a.check.name).button(truncateLine(a.check.subject, 40)), value: encodeAction({ c: a.check.name, s: truncate(a.check.subject, 500) }) });
  out.push({ id: 'escalate', label: 'Escalate', value: encodeAction(a.article ? { a: a.article } : {}) });
  return out;
}

/**
 * One digest per interval: a line per finding (who, how often, first and last time, the article)
 * with its buttons (open the article, run the check, escalate), then the exact fixes. Everything
 * from AWS is plain text. `more`: findings left for the next digest.
 */
export function composeDigest(alerts: readonly WatchAlert[], more = 0): Reply {
  const blocks: Block[] = [
    { type: 'heading', text: 'IAM Identity Center: what CloudTrail shows' },
    { type: 'context', text: `${alerts.length} finding${alerts.length === 1 ? '' : 's'} since the last digest. A finding that keeps happening is summarised again at most once a day.` },
  ];
  for (const a of alerts) {
    blocks.push({
      type: 'findings',
      items: [{ status: STATUS[a.kind], title: truncate(`${KIND_TITLES[a.kind]}: ${a.subject}`, 140), detail: truncate(`${span(a)}. ${a.detail}`, 900), ...(a.article ? { article: a.article } : {}) }],
    });
    blocks.push({ type: 'actions', actions: buttons(a) });
  }
  const fixes = alerts.filter((a) => a.fix).slice(0, 5);
  if (fixes.length > 0) {
    blocks.push({ type: 'markdown', text: '**Exact fix**' });
    blocks.push({ type: 'code', text: truncate(fixes.map((a) => a.fix).join('\n\n'), 2_800) });
  }
  if (more > 0) blocks.push({ type: 'context', text: `${more} more finding${more === 1 ? '' : 's'} follow in the next digest.` });
  const text = truncate(['IAM Identity Center: what CloudTrail shows', ...alerts.map(digestLine), ...(more > 0 ? [`(${more} more in the next digest)`] : [])].join('\n'), 3_000);
  return { kind: 'notice', text, blocks, visibility: 'public', ...(alerts[0]?.article ? { articleId: alerts[0].article } : {}) };
}
