import { loadKnowledgeBase } from '../knowledge/load-knowledge-base';
import { Matcher } from '../match/matcher';
import type { CliIo } from './cli-io';
import { knowledgeDirs } from './cli-io';
import { crossValidate, evaluate, formatSummary, parseEvalLines } from './evaluate';

export const EVAL_USAGE = `  eval <file.jsonl> [--json]   score the matcher on lines {"text", "label": <article id|other-idc|none>, "alt"?}
  eval --cv [K] [--json]       K-fold cross-validation (default 5) over knowledge/examples, folds split by source
`;

/** `eval FILE` scores a labelled file; `eval --cv [K]` cross-validates the examples the matcher learns from. */
export function runEvalCommand(args: string[], json: boolean, io: CliIo): number {
  const kb = loadKnowledgeBase(knowledgeDirs(io.env));
  let result;
  if (args[0] === '--cv') {
    const k = args[1] === undefined ? 5 : Number(args[1]);
    if (!Number.isInteger(k) || k < 2 || k > 20) {
      io.err('eval --cv takes a whole number of folds from 2 to 20, e.g. eval --cv 5\n');
      return 2;
    }
    result = crossValidate(kb.articles, kb.examples, k);
  } else {
    if (!args[0]) {
      io.err('eval needs a .jsonl file (npm run --silent cli -- eval test/fixtures/eval/holdout.jsonl) or --cv\n');
      return 2;
    }
    const cases = parseEvalLines(io.readFile(args[0]), new Set(kb.articles.map((a) => a.id)));
    result = evaluate(new Matcher(kb.articles, kb.examples), cases);
  }
  io.out(json ? `${JSON.stringify(result, null, 2)}\n` : formatSummary(result.summary));
  return 0;
}
