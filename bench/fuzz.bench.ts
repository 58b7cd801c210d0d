/**
 * Fuzz run (fast-check) over everything that reads untrusted text: the matcher, the command
 * parser and the checks' parsers. Each input must be handled without throwing and within
 * MAX_MS_PER_INPUT. Prints the slowest input time per target; exits 1 on any failure. Then the
 * hostile shapes of bench/hostile-lint.ts: linear time, no event-loop stall, Slack acks unharmed.
 */
import fc from 'fast-check';
import { createOfflineChecks, INLINE_LINT_CHARS } from '../src/checks/create-offline-checks';
import { lintSaml } from '../src/checks/saml/lint-saml';
import { lintScim } from '../src/checks/scim/lint-scim';
import { parseCommand } from '../src/core/commands/parse-command';
import { loadKnowledge } from '../src/knowledge/load-knowledge';
import { Matcher } from '../src/match/index';
import { builtinKnowledgeDir } from '../src/paths';
import { benchHostileShapes } from './hostile-lint';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const MAX_MS_PER_INPUT = 50;

const matcher = new Matcher(loadKnowledge([builtinKnowledgeDir]));
const offline = createOfflineChecks();

/** Text shaped like what people paste: fragments of real errors, JSON, XML, mentions, junk. */
const pasteLike = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: 'binary', maxLength: 5000 }),
  fc.uint8Array({ maxLength: 5000 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.json({ maxDepth: 6 }),
  fc
    .array(
      fc.constantFrom(
        '"eventName": "ExternalIdPDirectoryLogin"',
        '"errorCode": "InternalFailure"',
        'AWSReservedSSO_',
        '<@U123>',
        '<!channel>',
        '```',
        'Request is unparsable',
        '<saml2:Assertion>',
        '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">',
        '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
        '"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]',
        '"Operations": [{"op": "replace"',
        '{"Records": [',
        '@@@@',
        'a@b.',
        '\\"',
        'arn:aws:iam::123456789012:role/',
      ),
      { maxLength: 400 },
    )
    .map((xs) => xs.join(' ')),
  fc.nat({ max: 60_000 }).map((n) => 'a@'.repeat(n)),
);

type Target = { name: string; run: (text: string) => unknown; timed?: (text: string) => boolean };
const targets: Target[] = [
  { name: 'matcher', run: (t) => matcher.match(t) },
  { name: 'command parser', run: (t) => [parseCommand(t, 'line'), parseCommand(t, 'message')] },
  // The linters on this thread: only pastes up to INLINE_LINT_CHARS run here in the app (the offline
  // checks hand longer ones to the worker thread), so only those are held to the time limit.
  { name: 'SAML linter', run: (t) => [offline.detect(t), lintSaml(t), lintSaml(Buffer.from(t).toString('base64'))], timed: (t) => t.length <= INLINE_LINT_CHARS },
  { name: 'SCIM linter', run: (t) => lintScim(t), timed: (t) => t.length <= INLINE_LINT_CHARS },
];

let failed = false;
for (const target of targets) {
  let slowest = 0;
  const result = fc.check(
    fc.property(pasteLike, (text) => {
      const t0 = performance.now();
      target.run(text);
      const ms = performance.now() - t0;
      if (target.timed && !target.timed(text)) return true;
      slowest = Math.max(slowest, ms);
      return ms < MAX_MS_PER_INPUT;
    }),
    { numRuns: RUNS, seed: 42 },
  );
  const status = result.failed ? `FAILED: ${(fc.defaultReportMessage(result) ?? '').split('\n').slice(0, 3).join(' ').slice(0, 300)}` : 'ok';
  console.log(`${target.name.padEnd(16)} runs ${RUNS}  slowest ${slowest.toFixed(2)} ms  ${status}`);
  failed ||= result.failed;
}
void benchHostileShapes().then((ok) => process.exit(failed || !ok ? 1 : 0));
