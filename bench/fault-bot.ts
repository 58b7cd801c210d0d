/** The bot process that faults.bench.ts kills: Slack on, SQLite store in DATA_DIR. Prints {"port": N}. */
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/load-config';
import { silentLogger } from '../src/core/ports';
import { createStore } from '../src/store/create-store';

const [dataDir, apiUrl, secret] = process.argv.slice(2) as [string, string, string];
(async () => {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: secret, SLACK_API_URL: apiUrl, SLACK_SUPPORT_CHANNEL: 'C0SUPPORT', DATA_DIR: dataDir });
  const store = await createStore(config.store, silentLogger);
  const port = await createApp({ config, logger: silentLogger, store }).listen();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
})().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
