import type { OfflineChecks } from '../core/checks';
import { detectSaml } from './saml/detect-saml';
import { lintSaml, type SamlLintOptions } from './saml/lint-saml';
import { detectScim } from './scim/detect-scim';
import { lintScim } from './scim/lint-scim';

/** Detection reads at most this much of a message: a SAML or SCIM marker sits near the start. */
const DETECT_CHARS = 64 * 1024;

/** The offline checks (SAML and SCIM linters): no AWS access, no configuration needed. */
export function createOfflineChecks(options: SamlLintOptions = {}): OfflineChecks {
  return {
    detect(text) {
      const head = text.length > DETECT_CHARS ? text.slice(0, DETECT_CHARS) : text;
      if (detectSaml(head)) return 'saml';
      if (detectScim(head)) return 'scim';
      return undefined;
    },
    lintSaml: (text) => lintSaml(text, options),
    lintScim: (text) => lintScim(text),
  };
}
