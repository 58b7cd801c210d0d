import { join } from 'node:path';
import { loadKnowledgeBase } from '../knowledge/load-knowledge-base';
import { fitMatcher } from '../match/fit-matcher';
import { builtinKnowledgeDir } from '../paths';
import type { CliIo } from './cli-io';
import { fittedParamsSource, writeFittedParams } from './write-fitted-params';

/** Where `kb fit --write` puts the numbers: the source file the matcher imports. */
export const FITTED_PARAMS_FILE = join(__dirname, '..', 'match', 'fitted-params.ts');

/**
 * `kb fit [--write]`: fits the fusion weights and decision thresholds on out-of-fold predictions
 * of the shipped examples (5 folds by source) and prints them; `--write` regenerates
 * src/match/fitted-params.ts. Maintainers run it after adding examples or articles.
 */
export function runKbFit(args: string[], json: boolean, io: CliIo): number {
  const { articles, examples } = loadKnowledgeBase([builtinKnowledgeDir]);
  if (examples.length < 20) {
    io.err(`kb fit needs real examples to fit on: found ${examples.length} in ${join(builtinKnowledgeDir, 'examples')}.\n`);
    return 1;
  }
  const params = fitMatcher(articles, examples, 5);
  if (args.includes('--write')) {
    writeFittedParams(FITTED_PARAMS_FILE, params);
    io.out(`wrote ${FITTED_PARAMS_FILE} (fitted on ${examples.length} examples, ${articles.length} articles)\n`);
    return 0;
  }
  io.out(json ? `${JSON.stringify(params, null, 2)}\n` : fittedParamsSource(params));
  return 0;
}
