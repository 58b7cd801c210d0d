import type { OfflineChecks } from '../core/checks/checks';
import { detectSaml } from './saml/detect-saml';
import type { SamlLintOptions } from './saml/lint-saml';
import { detectScim } from './scim/detect-scim';
import { WorkerLinter } from './worker-linter';

/** Detection reads at most this much of a message: a SAML or SCIM marker sits near the start. */
const DETECT_CHARS = 64 * 1024;
/**
 * Pastes up to this many characters are linted on the calling thread (a few ms: real SAML responses
 * are 5 to 30 KB); longer ones go to the worker thread, so no document holds the event loop.
 */
export const INLINE_LINT_CHARS = 16 * 1024;

/** The offline checks (SAML and SCIM linters): no AWS access, no configuration needed. */
export function createOfflineChecks(options: SamlLintOptions = {}, worker = new WorkerLinter()): OfflineChecks & { close(): Promise<void> } {
  return {
    detect(text) {
      const head = text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text;
      if (detectSaml(head)) return 'saml';
      if (detectScim(head)) return 'scim';
      return undefined;
    },
    // The linters (and the XML parser) are loaded on first use: a bot that never sees a paste never pays for them.
    lintSaml: async (text) => (text.length <= INLINE_LINT_CHARS ? (await import('./saml/lint-saml')).lintSaml(text, options) : worker.lint('saml', text, options)),
    lintScim: async (text) => (text.length <= INLINE_LINT_CHARS ? (await import('./scim/lint-scim')).lintScim(text) : worker.lint('scim', text)),
    close: () => worker.close(),
  };
}
