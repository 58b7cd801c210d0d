/**
 * The bot process that faults.bench.ts kills: Slack on, SQLite store in DATA_DIR, or PostgreSQL
 * when a database URL is given. Prints {"port": N}. The inbox lease is 2 s (30 s in production) so
 * that with PostgreSQL, where a restarted process must wait for its dead predecessor's leases to
 * run out, the bench does not wait long.
 */
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/core/ports/ports';
import { createStore } from '../src/store/create-store';

const [dataDir, apiUrl, secret, databaseUrl] = process.argv.slice(2) as [string, string, string, string | undefined];
(async () => {
  const config = loadConfig({
    PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: secret, SLACK_API_URL: apiUrl, SLACK_SUPPORT_CHANNEL: 'C0SUPPORT', DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const store = await createStore(config.store, silentLogger);
  const port = await (await createApp({ config, logger: silentLogger, store, inbox: { leaseMs: 2_000, pollMs: 500 } })).listen();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
})().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
