import type { CheckFinding } from '../../core/checks/checks';
import { AwsCheckError, toAwsCheckError } from './aws-check-error';

/** Collects findings; AWS failures become one `check-unavailable` line per action and code. */
export class FindingsCollector {
  readonly items: CheckFinding[] = [];
  private readonly failed = new Set<string>();

  push(...f: CheckFinding[]): void {
    this.items.push(...f);
  }

  unavailable(err: unknown, fallbackAction: string): void {
    const e = err instanceof AwsCheckError ? err : toAwsCheckError(err, fallbackAction);
    const key = `${e.code}|${e.action}`;
    if (this.failed.has(key)) return;
    this.failed.add(key);
    this.items.push({ code: 'check-unavailable', severity: 'warning', detail: e.line });
  }

  /** Runs `fn`; on failure records it and returns undefined, so the rest of the check goes on. */
  async attempt<T>(action: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (err) {
      this.unavailable(err, action);
      return undefined;
    }
  }
}
