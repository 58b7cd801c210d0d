/**
 * The server under test for slack-ack.bench.ts, in its own process so the load generator does not
 * share its event loop: `sqlite` or `postgres` (the real app from createApp, with its durable inbox
 * in that store: every event is written before its ack) or `bare` (a bare Bolt app with a no-op
 * listener). Prints `{"port": N}` once listening.
 */
import { App as BoltApp, LogLevel } from '@slack/bolt';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/load-config';
import { createLogger } from '../src/logger';
import { createStore } from '../src/store/create-store';

const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();
const [target, apiUrl, secret, databaseUrl] = process.argv.slice(2) as [string, string, string, string | undefined];

async function main(): Promise<number> {
  if (target === 'bare') {
    const app = new BoltApp({ token: 'xoxb-test-token', signingSecret: secret, clientOptions: { slackApiUrl: apiUrl }, logLevel: LogLevel.ERROR });
    app.event('app_mention', async () => {});
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): { port: number } };
    return server.address().port;
  }
  const store = target === 'postgres' ? { DATABASE_URL: databaseUrl! } : { DATA_DIR: mkdtempSync(join(tmpdir(), 'idc-ack-')) };
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: secret, SLACK_API_URL: apiUrl, LOG_LEVEL: 'info', ...store });
  // Production logging (info, one line per message) into /dev/null: its cost is part of the number.
  const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
  return (await createApp({ config, logger, store: await createStore(config.store, logger) })).listen();
}

process.once('SIGINT', () => {
  if (process.env.BENCH_CPU) { const u = process.cpuUsage(); process.stderr.write(`${target} cpu user ${(u.user / 1000).toFixed(0)} ms system ${(u.system / 1000).toFixed(0)} ms; event-loop delay p99 ${(eld.percentile(99) / 1e6).toFixed(1)} ms max ${(eld.max / 1e6).toFixed(1)} ms\n`); }
  process.exit(0);
});
main().then(
  (port) => process.stdout.write(`${JSON.stringify({ port })}\n`),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  },
);
