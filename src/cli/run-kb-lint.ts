import { COMMAND_NAMES } from '../core/replies/compose-help';
import { formatKbLintProblem, lintArticles } from '../knowledge/lint-knowledge';
import { lintExamples } from '../knowledge/lint-examples';
import { loadExamples } from '../knowledge/load-examples';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { readEvidence } from '../knowledge/read-evidence';
import type { CliIo } from './cli-io';

/**
 * `kb lint`: loads the articles (an invalid one throws ArticleError, exit 1 in runCli), then checks
 * their sources, signatures and step names. Exit 0 when clean, 1 with one line per problem.
 */
export function runKbLint(dirs: string[], json: boolean, io: CliIo): number {
  const articles = loadKnowledge(dirs, (message) => io.err(`warning: ${message}\n`));
  const examples = loadExamples(dirs, new Set(articles.map((a) => a.id)));
  const problems = [...lintArticles(articles, readEvidence(articles), { ownNames: COMMAND_NAMES }), ...lintExamples(examples)];
  if (json) {
    io.out(`${JSON.stringify({ articles: articles.length, problems }, null, 2)}\n`);
    return problems.length ? 1 : 0;
  }
  if (problems.length === 0) {
    io.out(`OK: ${articles.length} articles and ${examples.length} example messages in ${dirs.join(', ')}\n`);
    return 0;
  }
  io.err(`${problems.map(formatKbLintProblem).join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.article)).size} of ${articles.length} articles.\n`);
  return 1;
}
