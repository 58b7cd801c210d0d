import type { CheckReport } from '../../src/core/checks/checks';
import { LIVE_CHECKS, type LiveCheckName } from '../../src/core/checks/live-check-registry';
import type { LiveChecks } from '../../src/core/checks/checks';

/**
 * An in-memory AWS side for every check in the registry (a new check needs no edit here): each
 * method answers with `make(check, subject)` and records `<check>:<subject>` in `calls`.
 */
export function stubLiveChecks(make: (check: LiveCheckName, subject: string) => Promise<CheckReport>): { live: LiveChecks; calls: string[] } {
  const calls: string[] = [];
  const live = Object.fromEntries(
    LIVE_CHECKS.map((c) => [c.method, (subject: string) => (calls.push(`${c.name}:${subject}`), make(c.name, subject))]),
  ) as LiveChecks;
  return { live, calls };
}
