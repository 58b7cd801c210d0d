import type { Article } from '../../knowledge/article';
import { encodeAction } from '../commands/action-payload';
import type { CheckFinding, CheckReport, FindingSeverity } from '../checks/checks';
import { findingTitle } from '../checks/finding-codes';
import type { Action, Block, Finding, Reply, Severity } from './reply';
import { truncate } from '../text/truncate';

const STATUS: Record<FindingSeverity, Severity> = { error: 'fail', warning: 'warn', info: 'info', ok: 'pass' };
const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2, ok: 3 };

const HEADINGS: Record<CheckReport['check'], string> = {
  user: 'User check',
  trail: 'Sign-in trail',
  assignments: 'Assignment check',
};

/** Findings people must act on first: errors, then warnings, each group in report order. */
function ranked(findings: readonly CheckFinding[]): CheckFinding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/** Slack sections hold 3,000 characters: keep each plain-text block well under that. */
const clip = (text: string, max = 2_800): string => truncate(text, max);

/**
 * The reply for a live check: the subject, findings with their articles, the exact fixes, the
 * story of the last sign-ins, the first step of the most relevant article, and a button to open it.
 * Everything from AWS (details, fixes, lines, subject) goes into plain-text blocks.
 */
export function composeCheckReport(report: CheckReport, articles: ReadonlyMap<string, Article>, visibility: Reply['visibility']): Reply {
  const findings = ranked(report.findings);
  const items: Finding[] = findings.slice(0, 25).map((f) => ({
    status: STATUS[f.severity],
    title: findingTitle(f.code),
    detail: clip(f.detail, 500),
    ...(f.article ? { article: f.article } : {}),
  }));
  const blocks: Block[] = [
    { type: 'heading', text: HEADINGS[report.check] },
    { type: 'facts', items: [{ label: 'Subject', value: report.subject.slice(0, 200) }, { label: 'Found', value: report.found ? 'yes' : 'no' }] },
  ];
  if (items.length > 0) blocks.push({ type: 'findings', items });
  if (findings.length > items.length) blocks.push({ type: 'context', text: `${findings.length - items.length} more findings not shown.` });

  const fixes = findings.filter((f) => f.fix).slice(0, 5);
  if (fixes.length > 0) {
    blocks.push({ type: 'markdown', text: '**Exact fix**' });
    blocks.push({ type: 'code', text: clip(fixes.map((f) => f.fix).join('\n\n')) });
  }
  if (report.lines && report.lines.length > 0) {
    blocks.push({ type: 'markdown', text: report.check === 'assignments' ? '**Assignments**' : '**Recent sign-ins**' });
    blocks.push({ type: 'text', text: clip(report.lines.slice(0, 15).join('\n')) });
  }

  const actionable = findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.article && articles.has(f.article));
  const primary = actionable[0] ? articles.get(actionable[0].article!) : undefined;
  if (primary?.steps[0]) {
    blocks.push({ type: 'markdown', text: `**First step** (from _${primary.title}_):\n${primary.steps[0]}` });
  }
  const linked = [...new Set(actionable.map((f) => f.article!))].slice(0, 3);
  const actions: Action[] = linked.map((id, i) => ({
    id: 'kb.show',
    label: i === 0 ? 'Open the article' : `Also: ${id}`.slice(0, 75),
    value: encodeAction({ a: id }),
    ...(i === 0 ? { style: 'primary' as const } : {}),
  }));
  if (visibility === 'private') {
    blocks.push({ type: 'context', text: report.personalData ? 'Contains personal data: shown only to you.' : 'Says whether this user or group exists: shown only to you.' });
  }
  if (actions.length > 0) blocks.push({ type: 'actions', actions });

  const text = [
    `${HEADINGS[report.check]}: ${report.subject}`,
    ...findings.map((f) => `- ${findingTitle(f.code)}: ${f.detail}`),
    ...(report.lines ?? []),
  ].join('\n');
  return { kind: 'check', text: clip(text, 3_000), blocks, visibility, ...(primary ? { articleId: primary.id } : {}) };
}
