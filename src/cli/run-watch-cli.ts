import type { Config } from '../config/load-config';
import { loadCliConfig } from './load-cli-config';
import { systemClock, silentLogger } from '../core/ports/ports';
import { MemoryStore } from '../core/ports/memory-store';
import { alertJson } from '../core/watch/watch-alert';
import type { WatchEvent, WatchSource } from '../core/watch/watch-ports';
import { Watcher } from '../core/watch/watcher';
import { renderText } from '../render/render-text';
import type { CliIo } from './cli-io';

export const WATCH_USAGE = `  watch --once [--since <ISO-8601>] [--json] one pass of the CloudTrail watcher (default: the last interval)
`;

const DAY_MS = 86_400_000;

/** `--since`: an ISO-8601 time within CloudTrail's 90 days and not in the future; else a sentence saying what is wrong. */
export function parseSince(value: string | undefined, now: Date): Date | string {
  if (!value || !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    return `--since needs an ISO-8601 time, like 2026-12-01T09:00:00Z${value ? ` (got "${value.slice(0, 40)}")` : ''}`;
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return `--since: "${value.slice(0, 40)}" is not a valid time`;
  if (at > now) return '--since is in the future';
  if (now.getTime() - at.getTime() > 90 * DAY_MS) return '--since is more than 90 days ago: CloudTrail LookupEvents keeps 90 days';
  return at;
}

/**
 * `watch --once`: one pass as the operator, nothing posted and nothing remembered (a fresh
 * in-memory state, so the running bot still reports everything). Exit 0: nothing found;
 * 1: findings, or AWS could not be read; 2: bad usage or configuration.
 */
export async function runWatchCli(
  args: readonly string[],
  json: boolean,
  io: CliIo,
  makeSource: (config: Config, store: MemoryStore) => Promise<WatchSource<WatchEvent>> = async (config, store) => {
    const aws = await import('../checks/aws/create-aws-live-checks');
    return aws.createAwsWatchSource(config.aws!, { bucket: aws.createTrailBucket(), deletions: store, signinThreshold: config.watchTuning.signinFailures });
  },
): Promise<number> {
  const rest = args.slice(1);
  const unknown = rest.filter((a, i) => a !== '--once' && a !== '--since' && rest[i - 1] !== '--since');
  if (!rest.includes('--once') || unknown.length > 0) {
    io.err(`${unknown.length ? `Unknown argument "${unknown[0]!.slice(0, 40)}". ` : ''}watch runs one pass with --once: npm run --silent cli -- watch --once [--since 2026-12-01T09:00:00Z] [--json]\n`);
    return 2;
  }
  const now = systemClock.now();
  let since: Date | undefined;
  if (rest.includes('--since')) {
    const parsed = parseSince(rest[rest.indexOf('--since') + 1], now);
    if (typeof parsed === 'string') {
      io.err(`${parsed}\n`);
      return 2;
    }
    since = parsed;
  }
  const config = loadCliConfig(io);
  if (!config) return 2;
  if (!config.aws) {
    io.err('The watcher reads CloudTrail: set AWS_REGION and IDC_IDENTITY_STORE_ID (and IDC_INSTANCE_ARN for stale assignments). Credentials come from the AWS default chain.\n');
    return 2;
  }
  const store = new MemoryStore();
  const watcher = new Watcher({ source: await makeSource(config, store), store, posters: [], clock: systemClock, logger: silentLogger, intervalMinutes: config.watchTuning.intervalMinutes });
  const pass = await watcher.runOnce({ since });
  if (pass.failure) {
    io.err(`${pass.failure.message} ${pass.failure.fix}\n`);
    return 1;
  }
  if (pass.events.truncated) io.err(`Read ${pass.events.read} events in ${pass.events.calls} calls; older events of the window were not read (page bound).\n`);
  if (json) io.out(`${JSON.stringify({ alerts: pass.found.map(alertJson) }, null, 2)}\n`);
  else io.out(pass.digest ? `${renderText(pass.digest)}\n` : `Nothing wrong in CloudTrail since ${pass.window!.start.toISOString()} (${pass.events.read} events read).\n`);
  return pass.found.length > 0 ? 1 : 0;
}
