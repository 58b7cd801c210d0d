import { parentPort } from 'node:worker_threads';
import type { LintJob } from './worker-linter';
import { lintSaml } from './saml/lint-saml';
import { lintScim } from './scim/lint-scim';

/**
 * Worker-thread entry: lints one document per message, off the main event loop, and posts the
 * report back with the job's id. The linters never throw; a crash here ends the worker, and the
 * main thread answers the waiting job with an error report.
 */
parentPort?.on('message', (job: LintJob) => {
  const report = job.kind === 'saml' ? lintSaml(job.text, job.options) : lintScim(job.text);
  parentPort!.postMessage({ id: job.id, report });
});
