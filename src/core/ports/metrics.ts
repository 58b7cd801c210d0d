/**
 * What the core counts. `src/metrics/prometheus-metrics.ts` exposes these at /metrics;
 * tests and the CLI use `noMetrics`.
 */
import type { LiveCheckName } from '../checks/live-check-registry';
import type { Trigger } from '../input';

export interface Metrics {
  /** One reply decision: the article answered (null: no answer) and the best confidence seen. */
  answered(articleId: string | null, confidence: number, trigger: Trigger): void;
  /** A live check was asked for (label: its registry name); outcome e.g. allowed-ok, denied, unavailable, allowed-error. */
  checked(check: LiveCheckName, outcome: string): void;
  /** One AWS API call: operation, seconds, and whether it was throttled. */
  awsCall(operation: string, seconds: number, outcome: 'ok' | 'throttled' | 'error' | 'timeout'): void;
  /** Current number of open (unresolved) escalations. */
  escalationsOpen(count: number): void;
  /** An error at a chat edge (signature failures, API errors), by platform and kind. */
  edgeError(platform: string, kind: string): void;
}

export const noMetrics: Metrics = {
  answered() {},
  checked() {},
  awsCall() {},
  escalationsOpen() {},
  edgeError() {},
};
