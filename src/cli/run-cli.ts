import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { Assistant } from '../core/assistant';
import { silentLogger } from '../core/ports';
import type { Store } from '../core/store';
import { StoreError } from '../core/store-error';
import { createStore } from '../store/create-store';
import { formatReport } from './format-report';
import type { Actor } from '../core/input';
import { loadKnowledge } from '../knowledge/load-knowledge';
import { ArticleError } from '../knowledge/parse-article';
import { builtinKnowledgeDir } from '../paths';
import { renderText } from '../render/render-text';
import { evaluate, parseEvalLines } from './evaluate';
import { LINT_USAGE, runLintCommand } from './run-lint-command';
import { isLiveCheckCommand, LIVE_USAGE, runLiveCli } from './run-live-cli';
import { runWatchCli, WATCH_USAGE } from './run-watch-cli';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  env: NodeJS.ProcessEnv;
  /** The store `report` reads (default: the one DATABASE_URL / DATA_DIR configure). */
  openStore?: (env: NodeJS.ProcessEnv) => Promise<Store>;
}

const openConfiguredStore = (env: NodeJS.ProcessEnv) => createStore(loadConfig(env).store, silentLogger);

export const USAGE = `Usage: npm run --silent cli -- <command>

  ask "<text>" [--json]        answer a message as the bot would (--json: matches and entities)
  eval <file.jsonl> [--json]   score the matcher on lines {"text": …, "label": <article id|none>}
  kb lint [dirs…]              validate knowledge base articles (default: built-in + KNOWLEDGE_DIRS)
  kb list                      list article ids and titles
${LINT_USAGE.trimEnd()}
  report [--json]              answers and helpful rate per article (from the store)
  help                         this text
${LIVE_USAGE}${WATCH_USAGE}`;

const operator: Actor = { platform: 'cli', id: 'operator', name: 'CLI operator' };

function knowledgeDirs(env: NodeJS.ProcessEnv): string[] {
  const extra = (env.KNOWLEDGE_DIRS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return [builtinKnowledgeDir, ...extra];
}

/** Runs one CLI command; returns the process exit code (0 ok, 1 failed check, 2 bad usage or input). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [command, ...rest] = args;
  if (isLiveCheckCommand(args)) return runLiveCli(args, json, io);
  if (command === 'watch') return runWatchCli(args, json, io);
  try {
    switch (command) {
      case 'ask': {
        const text = rest.join(' ');
        if (!text.trim()) {
          io.err('ask needs the message text: npm run --silent cli -- ask "Request is unparsable…"\n');
          return 2;
        }
        const assistant = new Assistant({ articles: loadKnowledge(knowledgeDirs(io.env)) });
        if (json) {
          io.out(`${JSON.stringify(assistant.matcher.match(text), null, 2)}\n`);
          return 0;
        }
        const reply = await assistant.handle({ text, trigger: 'console', actor: operator, conversation: { platform: 'cli', channelId: 'cli' } });
        io.out(`${reply ? renderText(reply) : '(no answer)'}\n`);
        return 0;
      }
      case 'eval': {
        if (!rest[0]) {
          io.err('eval needs a .jsonl file: npm run --silent cli -- eval test/fixtures/eval/messages.jsonl\n');
          return 2;
        }
        const assistant = new Assistant({ articles: loadKnowledge(knowledgeDirs(io.env)) });
        const cases = parseEvalLines(io.readFile(rest[0]), new Set(assistant.articles.keys()));
        const result = evaluate(assistant.matcher, cases);
        if (json) {
          io.out(`${JSON.stringify(result, null, 2)}\n`);
          return 0;
        }
        const s = result.summary;
        const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
        io.out(
          [
            `cases: ${s.cases} (${s.positives} with an article, ${s.negatives} that must get none)`,
            `top-1: ${pct(s.top1)}  top-3: ${pct(s.top3)}`,
            `false alarms: ${pct(s.falseAlarmMention)} on mention, ${pct(s.falseAlarmUnasked)} unasked; wrong unasked answers: ${pct(s.wrongUnasked)}`,
            `latency: p50 ${s.latencyMicros.p50} µs, p99 ${s.latencyMicros.p99} µs, max ${s.latencyMicros.max} µs`,
            `calibration (confidence → share right), error ${s.calibrationError}:`,
            ...s.reliability.filter((b) => b.cases > 0).map((b) => `  ${b.from.toFixed(2)}–${b.to.toFixed(2)}: ${b.cases} cases, mean ${b.meanConfidence.toFixed(2)}, right ${pct(b.accuracy)}`),
          ].join('\n') + '\n',
        );
        return 0;
      }
      case 'kb': {
        const sub = rest[0];
        if (sub === 'lint') {
          const dirs = rest.length > 1 ? [builtinKnowledgeDir, ...rest.slice(1)] : knowledgeDirs(io.env);
          const articles = loadKnowledge(dirs);
          io.out(`OK: ${articles.length} articles in ${dirs.join(', ')}\n`);
          return 0;
        }
        if (sub === 'list') {
          for (const a of loadKnowledge(knowledgeDirs(io.env))) io.out(`${a.id}\t${a.title}\n`);
          return 0;
        }
        io.err(`kb needs "lint" or "list".\n${USAGE}`);
        return 2;
      }
      case 'report': {
        const store = await (io.openStore ?? openConfiguredStore)(io.env);
        try {
          const stats = await store.articleStats();
          io.out(json ? `${JSON.stringify(stats, null, 2)}\n` : formatReport(stats));
          return 0;
        } finally {
          await store.close();
        }
      }
      case 'check':
        if (rest[0] === 'saml' || rest[0] === 'scim') return await runLintCommand(rest, json, io);
        io.err(`check needs user, assignments, saml or scim.\n${USAGE}`);
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
