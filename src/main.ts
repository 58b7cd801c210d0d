import { createApp } from './app';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { ArticleError } from './knowledge/parse-article';
import { createLogger } from './logger';
import type { Store } from './core/ports/store';
import { StoreError } from './core/ports/store-error';
import { createStore } from './store/create-store';
import { ListenError } from './server/listen-error';
import { SlackStartError } from './slack/slack-start-error';
import { TeamsError } from './teams/teams-errors';

/** The composition root: the one place that reads process.env and creates real things. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const checkOnly = process.argv.includes('--check-config');
  let store: Store | undefined;
  if (!checkOnly) {
    try {
      store = await createStore(config.store, logger); // runs migrations
    } catch (err) {
      if (err instanceof StoreError) {
        logger.error({ code: err.code, fix: err.fix, cause: (err.cause as Error | undefined)?.message }, err.message);
        process.exit(2);
      }
      throw err;
    }
  }
  let app;
  try {
    app = await createApp({ config, logger, store });
  } catch (err) {
    if (err instanceof ArticleError) {
      logger.error({ file: err.file, field: err.field }, `invalid knowledge base article: ${err.message}`);
      process.exit(2);
    }
    if (err instanceof TeamsError) {
      logger.error({ code: err.code, fix: err.fix }, `Teams could not start: ${err.message}. ${err.fix}`);
      process.exit(2);
    }
    throw err;
  }
  if (checkOnly) {
    process.stdout.write(
      `Configuration is valid.\nChannels: ${app.channels.join(', ') || 'none'}\nChecks: ${app.checks.join('; ')}\nStore: ${config.store.kind}\n` +
        (config.console.offReason ? `Note: ${config.console.offReason}.\n` : ''),
    );
    await app.close(1_000);
    return;
  }
  let port: number;
  try {
    port = await app.listen();
  } catch (err) {
    if (err instanceof SlackStartError) {
      logger.error({ code: err.code }, err.message);
      process.exit(2);
    }
    if (err instanceof ListenError) {
      process.stderr.write(`idc-assistant could not start: ${err.message}. ${err.fix}\n`);
      process.exit(2);
    }
    throw err;
  }
  const hints = [
    !config.slack && 'Slack is off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it)',
    !config.teams && 'Teams is off (set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID to enable it)',
    !config.aws && 'Live AWS checks are off (set AWS_REGION and IDC_IDENTITY_STORE_ID to enable them)',
    config.console.offReason && `The ${config.console.offReason} (set CONSOLE_TOKEN or HOST=127.0.0.1 to use it)`,
  ].filter(Boolean);
  logger.info(
    { port, channels: app.channels, checks: app.checks, store: config.store.kind, articles: app.assistant.articles.size },
    `idc-assistant listening on port ${port}; active: ${app.channels.join(', ') || 'none'}` +
      (config.console.enabled ? `; console at http://localhost:${port}/` : '') +
      (hints.length ? `. ${hints.join('. ')}.` : ''),
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app
      .close()
      .then(() => store?.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`idc-assistant failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
