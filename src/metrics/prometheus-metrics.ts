import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LiveCheckName } from '../core/checks/live-check-registry';
import type { Metrics } from '../core/ports/metrics';

/** Prometheus metrics for /metrics. One registry per app, so tests can run several apps. */
export class PrometheusMetrics implements Metrics {
  readonly registry = new Registry();
  private readonly answers = new Counter({
    name: 'idc_answers_total',
    help: 'Reply decisions by article (none = no answer) and trigger',
    labelNames: ['article', 'trigger'],
    registers: [this.registry],
  });
  private readonly confidence = new Histogram({
    name: 'idc_match_confidence',
    help: 'Best match confidence per message',
    buckets: [0.1, 0.25, 0.45, 0.6, 0.8, 0.9, 0.95, 1],
    registers: [this.registry],
  });
  private readonly checks = new Counter({
    name: 'idc_checks_total',
    help: 'Checks run, by check and outcome',
    labelNames: ['check', 'outcome'],
    registers: [this.registry],
  });
  private readonly aws = new Histogram({
    name: 'idc_aws_call_seconds',
    help: 'AWS API call latency by operation and outcome (throttled counts throttles)',
    labelNames: ['operation', 'outcome'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly open = new Gauge({ name: 'idc_escalations_open', help: 'Open escalations', registers: [this.registry] });
  private readonly edgeErrors = new Counter({
    name: 'idc_edge_errors_total',
    help: 'Errors at the chat edges by platform and kind',
    labelNames: ['platform', 'kind'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'idc_' });
  }

  answered(articleId: string | null, confidence: number, trigger: string): void {
    this.answers.inc({ article: articleId ?? 'none', trigger });
    this.confidence.observe(confidence);
  }
  checked(check: LiveCheckName, outcome: string): void {
    this.checks.inc({ check, outcome });
  }
  awsCall(operation: string, seconds: number, outcome: string): void {
    this.aws.observe({ operation, outcome }, seconds);
  }
  escalationsOpen(count: number): void {
    this.open.set(count);
  }
  edgeError(platform: string, kind: string): void {
    this.edgeErrors.inc({ platform, kind });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }
}
