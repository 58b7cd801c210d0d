import { candidateExamples } from '../core/learning/candidate-examples';
import type { Store } from '../core/ports/store';
import type { CliIo } from './cli-io';
import { formatDate } from '../core/text/format-time';

export const EXAMPLES_USAGE = `  examples export [--since YYYY-MM-DD]
                               candidate examples (JSONL) from resolved escalations, clarify choices
                               and votes, scrubbed, for a maintainer to review into knowledge/examples
`;

/** `examples export [--since DATE]`: one JSON line per candidate example, oldest first. */
export async function runExamplesCommand(args: string[], io: CliIo, openStore: (env: NodeJS.ProcessEnv) => Promise<Store>): Promise<number> {
  if (args[0] !== 'export') {
    io.err(`examples needs "export".\n${EXAMPLES_USAGE}`);
    return 2;
  }
  const sinceAt = args.indexOf('--since');
  let since = new Date(0);
  if (sinceAt >= 0) {
    const value = args[sinceAt + 1] ?? '';
    since = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(since.getTime())) {
      io.err(`--since needs a date like 2026-11-01 (got "${value.slice(0, 40)}")\n`);
      return 2;
    }
  }
  const store = await openStore(io.env);
  try {
    const { messages, signals } = await store.learningData(since);
    const lines = candidateExamples(messages, signals);
    for (const line of lines) io.out(`${JSON.stringify(line)}\n`);
    io.err(`${lines.length} candidate example(s) from ${messages.length} stored message(s) since ${formatDate(since)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
