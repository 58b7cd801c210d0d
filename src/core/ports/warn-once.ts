import type { Logger } from './ports';

/**
 * Logs a warning once per key: a missing scope or an unreachable endpoint would otherwise log on
 * every lookup. The first occurrence of each kind is enough for the operator to act on.
 */
export class WarnOnce {
  private readonly seen = new Set<string>();

  constructor(private readonly logger: Logger) {}

  warn(key: string, fields: object, message: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.logger.warn(fields, message);
  }
}
