import { createApp } from './app';
import { ConfigError } from './config/config-error';
import { loadConfig } from './config/load-config';
import { ArticleError } from './knowledge/parse-article';
import { createLogger } from './logger';
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
  let app;
  try {
    app = createApp({ config, logger });
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
  if (process.argv.includes('--check-config')) {
    process.stdout.write(`Configuration is valid. Channels: ${app.channels.join(', ') || 'none'}.\n`);
    return;
  }
  const port = await app.listen();
  const hints = [
    !config.slack && 'Slack is off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it)',
    !config.teams && 'Teams is off (set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID to enable it)',
  ].filter(Boolean);
  logger.info(
    { port, channels: app.channels, articles: app.assistant.articles.size },
    `idc-assistant listening on port ${port}; active: ${app.channels.join(', ') || 'none'}` +
      (config.console.enabled ? `; console at http://localhost:${port}/` : '') +
      (hints.length ? `. ${hints.join('. ')}.` : ''),
  );
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    app.close().then(
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
