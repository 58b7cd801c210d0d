import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintReport } from '../core/checks/checks';
import { errorReport } from './lint-report';
import type { SamlLintOptions } from './saml/lint-saml';

export interface LintJob {
  id: number;
  kind: 'saml' | 'scim';
  text: string;
  options: SamlLintOptions;
}

/** A document may keep the worker busy this long (ms) before it is stopped and the job refused. */
export const LINT_TIME_BUDGET_MS = 5_000;

interface Waiting {
  job: LintJob;
  resolve: (report: LintReport) => void;
}

/**
 * The worker: compiled JavaScript in dist/; from source (tests, benches, `npm run dev`) the .ts file
 * through tsx's CommonJS hook, required by a one-line bootstrap (tsx's --import hook does not reach
 * a worker's entry file on Node 20).
 */
function workerOptions(): { script: string; eval: boolean; workerData?: { file: string } } {
  const js = join(__dirname, 'lint-worker.js');
  if (existsSync(js)) return { script: js, eval: false };
  const file = join(__dirname, 'lint-worker.ts');
  return { script: "require('tsx/cjs'); require(require('node:worker_threads').workerData.file);", eval: true, workerData: { file } };
}

/**
 * Lints SAML and SCIM documents in one worker thread, one at a time, so parsing 256 KB of hostile
 * XML (tens of ms even when linear) never blocks a Slack ack or /healthz. The worker starts on the
 * first job (an idle bot pays nothing) and is replaced when a job exceeds `budgetMs`; a job that
 * fails that way gets an error report saying so. `close()` stops it.
 */
export class WorkerLinter {
  private worker: Worker | undefined;
  private readonly queue: Waiting[] = [];
  private current: (Waiting & { timer: NodeJS.Timeout }) | undefined;
  private nextId = 1;

  constructor(private readonly budgetMs = LINT_TIME_BUDGET_MS) {}

  lint(kind: LintJob['kind'], text: string, options: SamlLintOptions = {}): Promise<LintReport> {
    return new Promise((resolve) => {
      this.queue.push({ job: { id: this.nextId++, kind, text, options }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    const next = this.queue.shift()!;
    const timer = setTimeout(() => this.fail(`The ${next.job.kind.toUpperCase()} check took longer than ${this.budgetMs / 1000} s and was stopped. Paste a single, smaller document.`), this.budgetMs);
    this.current = { ...next, timer };
    this.start().postMessage(next.job);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { script, ...options } = workerOptions();
    const worker = new Worker(script, { ...options, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    worker.unref();
    worker.on('message', (msg: { id: number; report: LintReport }) => {
      if (this.current?.job.id !== msg.id) return;
      this.finish(msg.report);
    });
    worker.on('error', (err) => this.fail(`The check failed (${err.name}). Please report it with the file.`));
    worker.on('exit', () => {
      // A worker stopped on purpose (budget, error) has already been replaced: nothing to do.
      if (this.worker === worker) this.fail('The check stopped unexpectedly. Please report it with the file.');
    });
    this.worker = worker;
    return worker;
  }

  private finish(report: LintReport): void {
    const done = this.current!;
    clearTimeout(done.timer);
    this.current = undefined;
    done.resolve(report);
    this.pump();
  }

  private fail(message: string): void {
    if (!this.current) return;
    const { job } = this.current;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.finish(errorReport(job.kind, message));
  }
}
