import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { Assistant } from '../core/assistant';
import { silentLogger } from '../core/ports/ports';
import { StoreError } from '../core/ports/store-error';
import { createStore } from '../store/create-store';
import { inputProblem } from '../checks/input-problem';
import { formatReport } from './format-report';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { loadKnowledgeBase } from '../knowledge/load-knowledge-base';
import { ArticleError } from '../knowledge/parse-article';
import { builtinKnowledgeDir } from '../paths';
import { renderText } from '../render/render-text';
import { knowledgeDirs, operator } from './cli-io';
import { EVAL_USAGE, runEvalCommand } from './run-eval-command';
import { EXAMPLES_USAGE, runExamplesCommand } from './run-examples-command';
import { runKbFit } from './run-kb-fit';
import { formatGaps, reportGaps } from './report-gaps';
import { runKbLint } from './run-kb-lint';
import { LINT_USAGE, runLintCommand } from './run-lint-command';
import { isLiveCheckCommand, LIVE_USAGE, runLiveCli } from './run-live-cli';
import { LIVE_CHECKS } from '../core/checks/live-check-registry';
import { runWatchCli, WATCH_USAGE } from './run-watch-cli';

import type { CliIo } from './cli-io';
export type { CliIo } from './cli-io';

const openConfiguredStore = (env: NodeJS.ProcessEnv) => createStore(loadConfig(env).store, silentLogger);

/** What may follow `check` on the CLI: the registry's live checks, then the linters. */
const CHECK_WORDS = [...LIVE_CHECKS.map((c) => c.words).filter((w) => w.startsWith('check ')).map((w) => w.slice('check '.length)), 'saml', 'scim'];

export const USAGE = `Usage: npm run --silent cli -- <command>

  ask "<text>" [--json]        answer a message as the bot would (--json: matches and entities)
  ask - [--json]               the same, reading the message from stdin (for long pastes and files)
${EVAL_USAGE.trimEnd()}
  kb lint [dirs…] [--json]     validate articles: schema, sources, signatures, names in steps
                               (default: built-in + KNOWLEDGE_DIRS)
  kb list                      list article ids and titles
  kb fit [--write]             fit the matcher's fusion weights and thresholds on knowledge/examples
                               (--write regenerates src/match/fitted-params.ts; maintainers)
${EXAMPLES_USAGE.trimEnd()}
${LINT_USAGE.trimEnd()}
  report [--json]              answers and helpful rate per article, and messages that got no answer,
                               "undocumented" or "not helpful", grouped by similarity (from the store)
  help                         this text
${LIVE_USAGE}${WATCH_USAGE}`;


/** Runs one CLI command; returns the process exit code (0 ok, 1 failed check, 2 bad usage or input). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  if (command === 'watch') return runWatchCli(args, json, io);
  try {
    if (isLiveCheckCommand(args)) return await runLiveCli(args, json, io);
    switch (command) {
      case 'ask': {
        // `ask -` reads the message from stdin: arguments over 128 KB never reach a program on
        // Linux (the shell fails with "Argument list too long"), and pipes carry any text.
        const text = rest.length === 1 && rest[0] === '-' ? io.readFile('-') : rest.join(' ');
        if (!text.trim()) {
          io.err('ask needs the message text: npm run --silent cli -- ask "Request is unparsable…" (or ask - < message.txt)\n');
          return 2;
        }
        const problem = inputProblem(text, 'error message');
        if (problem) {
          io.err(`ask: ${problem} Long text goes through stdin: npm run --silent cli -- ask - < message.txt\n`);
          return 2;
        }
        const assistant = new Assistant(loadKnowledgeBase(knowledgeDirs(io.env)));
        if (json) {
          io.out(`${JSON.stringify(assistant.matcher.match(text), null, 2)}\n`);
          return 0;
        }
        const reply = await assistant.handle({ text, trigger: 'console', actor: operator, conversation: { platform: 'cli', channelId: 'cli' } });
        io.out(`${reply ? renderText(reply) : '(no answer)'}\n`);
        return 0;
      }
      case 'eval':
        return runEvalCommand(rest, json, io);
      case 'examples':
        return await runExamplesCommand(rest, io, io.openStore ?? openConfiguredStore);
      case 'kb': {
        const sub = rest[0];
        if (sub === 'lint') {
          const dirs = rest.length > 1 ? [builtinKnowledgeDir, ...rest.slice(1)] : knowledgeDirs(io.env);
          return runKbLint(dirs, json, io);
        }
        if (sub === 'fit') return runKbFit(rest.slice(1), json, io);
        if (sub === 'list') {
          for (const a of loadKnowledge(knowledgeDirs(io.env))) io.out(`${a.id}\t${a.title}\n`);
          return 0;
        }
        io.err(`kb needs "lint", "list" or "fit".\n${USAGE}`);
        return 2;
      }
      case 'report': {
        const store = await (io.openStore ?? openConfiguredStore)(io.env);
        try {
          const stats = await store.articleStats();
          const gaps = await reportGaps(store);
          io.out(json ? `${JSON.stringify({ articles: stats, gaps }, null, 2)}\n` : formatReport(stats) + formatGaps(gaps));
          return 0;
        } finally {
          await store.close();
        }
      }
      case 'check':
        if (rest[0] === 'saml' || rest[0] === 'scim') return await runLintCommand(rest, json, io);
        io.err(`check needs one of: ${CHECK_WORDS.join(', ')}; "${(rest[0] ?? '').slice(0, 40)}" is not a check this version has.\n${USAGE}`);
        return 2;
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return 0;
      default:
        io.err(`Unknown command "${command}".\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ArticleError) {
      io.err(`Invalid article: ${err.message}\n`);
      return 1;
    }
    if (err instanceof ConfigError) {
      io.err(`${err.message}\n`);
      return 2;
    }
    if (err instanceof StoreError) {
      io.err(`${err.message}\n${err.fix}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      io.err(`File not found: ${e.path}\n`);
      return 2;
    }
    if (e instanceof Error && /^line \d+:/.test(e.message)) {
      io.err(`Invalid evaluation file: ${e.message}\n`);
      return 2;
    }
    throw err;
  }
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFileSync(p === '-' ? 0 : p, 'utf8'),
  env: process.env,
};
