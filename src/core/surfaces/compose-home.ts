import type { Article } from '../../knowledge/article';
import { encodeAction } from '../commands/action-payload';
import type { Escalation } from '../escalations/escalation';
import { who } from '../escalations/compose-escalation';
import { formatAge } from '../text/format-time';
import type { Block, Finding } from '../replies/reply';
import type { ArticleStats } from '../ports/store';
import { truncate } from '../text/truncate';

/**
 * The assistant's home page (Slack's Home tab), as neutral sections the edge lays out: `about`
 * (what it can do, with examples), `escalations` (for the support team only) and `stats`.
 */
export interface HomeView {
  about: Block[];
  /** Absent for people outside the support team. */
  escalations?: Block[];
  stats: Block[];
}

export interface HomeData {
  articles: ReadonlyMap<string, Article>;
  /** Oldest first; `undefined` when the viewer is not on the support team; an Error when the store failed. */
  escalations?: readonly Escalation[] | Error;
  /** More escalations exist than are listed. */
  moreEscalations?: boolean;
  stats: readonly ArticleStats[] | Error;
  windowDays: number;
  now: Date;
  /** How the viewer's platform types commands (`/idc ` on Slack), from the edge. */
  commandPrefix?: string;
}

function about(articles: ReadonlyMap<string, Article>, p: string): Block[] {
  const example = [...articles.values()].find((a) => a.signatures.length > 0)?.signatures[0];
  return [
    { type: 'heading', text: 'IAM Identity Center assistant' },
    {
      type: 'markdown',
      text: `I recognise documented AWS IAM Identity Center problems and answer with the cause and numbered steps. Ask me in a DM, mention me in a thread, ${p ? `use \`${p.trim()}\`, ` : ''}or pick **Troubleshoot this** on any message.`,
    },
    {
      type: 'markdown',
      text: [
        '**Try**',
        ...(example ? [`- Paste an error: \`${truncate(example, 120)}\``] : []),
        `- \`${p}check user alice@example.com\`: look a user up (people allowed by the operator)`,
        `- \`${p}check saml\` with a SAML response pasted or attached: lint it`,
        `- \`${p}escalate <note>\` in a thread: hand it to the support team`,
        `- \`${p}kb\`: list the ${articles.size} knowledge base articles`,
      ].join('\n'),
    },
  ];
}

function escalationBlocks(list: readonly Escalation[], now: Date, more: boolean, p: string): Block[] {
  const blocks: Block[] = [{ type: 'divider' }, { type: 'heading', text: `Open escalations (${list.length}${more ? '+' : ''})` }];
  if (list.length === 0) blocks.push({ type: 'markdown', text: 'None. Nice.' });
  for (const e of list) {
    const item: Finding = {
      status: e.status === 'open' ? 'warn' : 'info',
      title: `${e.id} · waiting ${formatAge(now.getTime() - e.createdAt.getTime())} · ${e.claimedBy ? `claimed by ${who(e.claimedBy)}` : 'unclaimed'}`,
      detail: `asked by ${who(e.requester)}${e.articleId ? ` · article ${e.articleId}` : ''}${e.text ? ` · “${e.text.split('\n', 1)[0]!.slice(0, 80)}”` : ''}`,
    };
    blocks.push({ type: 'findings', items: [item] });
    if (e.status === 'open') blocks.push({ type: 'actions', actions: [{ id: 'escalation.claim', label: `Claim ${e.id}`, value: encodeAction({ e: e.id }), style: 'primary' }] });
  }
  if (more) blocks.push({ type: 'context', text: `Showing the oldest ${list.length}; \`${p}escalations\` lists them too.` });
  return blocks;
}

/** "12 answers · 83% helpful (6 votes)"; no rate without votes. */
export function describeStats(s: ArticleStats): string {
  const votes = s.helpful + s.notHelpful;
  const rate = votes > 0 ? `${Math.round((s.helpful / votes) * 100)}% helpful (${votes} vote${votes === 1 ? '' : 's'})` : 'no votes';
  return `${s.answers} answer${s.answers === 1 ? '' : 's'} · ${rate}`;
}

function statsBlocks(stats: readonly ArticleStats[], articles: ReadonlyMap<string, Article>, days: number): Block[] {
  const blocks: Block[] = [{ type: 'divider' }, { type: 'heading', text: `Answers in the last ${days} days` }];
  if (stats.length === 0) return [...blocks, { type: 'markdown', text: 'No answers yet in this period.' }];
  const lines = stats.map((s) => `- **${articles.get(s.articleId)?.title ?? s.articleId}** (\`${s.articleId}\`): ${describeStats(s)}`);
  return [...blocks, { type: 'markdown', text: lines.join('\n') }];
}

const unavailable = (what: string): Block[] => [{ type: 'divider' }, { type: 'context', text: `_Could not read ${what}: the database did not answer. Reopen this tab to retry._` }];

export function composeHome(data: HomeData): HomeView {
  const view: HomeView = {
    about: about(data.articles, data.commandPrefix ?? ''),
    stats: data.stats instanceof Error ? unavailable('the answer statistics') : statsBlocks(data.stats, data.articles, data.windowDays),
  };
  if (data.escalations instanceof Error) view.escalations = unavailable('the escalations');
  else if (data.escalations) view.escalations = escalationBlocks(data.escalations, data.now, data.moreEscalations ?? false, data.commandPrefix ?? '');
  return view;
}
