import type { Article } from '../../knowledge/article';
import { encodeAction } from '../commands/action-payload';
import type { LintReport, LintRule } from '../checks/checks';
import type { Action, Block, Finding, Reply } from './reply';
import { SAML_PASTE_WARNING } from './saml-paste-warning';
import { truncate } from '../text/truncate';

const WHAT: Record<LintReport['kind'], string> = { saml: 'SAML response', scim: 'SCIM payload' };

const ACCEPTED: Record<LintReport['kind'], string> = {
  saml: `I read the XML (access portal administrator mode → **Copy XML**), a base64 \`SAMLResponse\` value (also URL-encoded or with the \`SAMLResponse=\` prefix from the browser network tab), a bare \`<Assertion>\`, or an attached file. ${SAML_PASTE_WARNING}`,
  scim: 'I read a SCIM user or group as JSON, a PATCH body (`urn:ietf:params:scim:api:messages:2.0:PatchOp`), or a whole request pasted from an `.http` file or provisioning log (request line, headers, JSON body).',
};

/** Failures first, then passes, then rules that did not apply: the reader starts with what to fix. */
const ORDER = { fail: 0, pass: 1, na: 2 } as const;

function finding(rule: LintRule): Finding {
  const detail = rule.fix ? `${rule.evidence} Fix: ${rule.fix}` : rule.evidence;
  const out: Finding = { status: rule.status, title: rule.title ?? rule.id, detail };
  if (rule.article && rule.status === 'fail') out.article = rule.article;
  return out;
}

/** One button per knowledge base article the failures point to (Slack button text: at most 75 characters). */
function articleActions(articleIds: string[], articles: ReadonlyMap<string, Article>): Action[] {
  return articleIds
    .filter((id) => articles.has(id))
    .slice(0, 3)
    .map((id) => {
      const label = `Read: ${articles.get(id)!.title}`;
      return { id: 'kb.show' as const, label: truncate(label, 75), value: encodeAction({ a: id }) };
    });
}

/** Renders a SAML or SCIM lint report: verdict, the rules with evidence and fixes, what the document says, the article. */
export function composeLintReport(report: LintReport, articles: ReadonlyMap<string, Article>): Reply {
  const what = WHAT[report.kind];
  if (report.verdict === 'error') {
    const blocks: Block[] = [
      { type: 'heading', text: `Could not read this ${what}` },
      { type: 'text', text: report.error ?? 'The input could not be read.' },
      { type: 'markdown', text: ACCEPTED[report.kind] },
    ];
    if (report.summary.length) blocks.push({ type: 'facts', items: report.summary });
    return { kind: 'check', text: `Could not read this ${what}. ${report.error ?? ''}`.trim(), blocks, visibility: 'public' };
  }
  const failed = report.rules.filter((r) => r.status === 'fail');
  const failedArticles = [...new Set(failed.map((r) => r.article).filter((a): a is string => !!a))];
  const heading = failed.length ? `${what}: ${failed.length} problem${failed.length === 1 ? '' : 's'} found` : `${what}: no problems found`;
  const intro = failed.length
    ? `**${failed.length} of ${report.rules.length} rules failed.** Each failure says what to change; the change is usually in the identity provider's application settings.`
    : report.kind === 'saml'
      ? 'Every rule I can check offline passed. If sign-in still fails, make sure the NameID equals the user name of an existing user in IAM Identity Center (users are not created at sign-in).'
      : 'Every rule I can check offline passed. If IAM Identity Center still refuses it, the CloudTrail event from `identitystore-scim.amazonaws.com` names the problem.';
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    { type: 'markdown', text: intro },
    { type: 'findings', items: [...report.rules].sort((a, b) => ORDER[a.status] - ORDER[b.status]).map(finding) },
  ];
  if (report.summary.length) {
    blocks.push({ type: 'markdown', text: `**What the ${report.kind === 'saml' ? 'response' : 'payload'} says**` }, { type: 'facts', items: report.summary });
  }
  const refs = failedArticles.map((a) => `\`${a}\``).join(', ');
  blocks.push({ type: 'context', text: `Checked offline: nothing was sent to AWS.${refs ? ` Knowledge base: ${refs}.` : ''}${report.kind === 'saml' ? ` ${SAML_PASTE_WARNING}` : ''}` });
  const actions = articleActions(failedArticles, articles);
  if (actions.length) blocks.push({ type: 'actions', actions });
  const text = [heading, ...failed.map((r) => `✗ ${r.title ?? r.id}: ${r.evidence}`)].join('\n');
  const reply: Reply = { kind: 'check', text, blocks, visibility: 'public' };
  const articleId = failedArticles.find((a) => articles.has(a));
  if (articleId) reply.articleId = articleId;
  return reply;
}
