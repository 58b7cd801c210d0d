import { createApp } from './app';
import { AppError } from './core/app-error';
import { loadConfig } from './config/load-config';
import { createLogger } from './logger';
import type { Logger } from './core/ports/ports';
import type { Store } from './core/ports/store';
import { createStore } from './store/create-store';

/** Set once the config is loaded: the one catch also logs coded errors as JSON for log pipelines. */
let logger: Logger | undefined;

/** The composition root: the one place that reads process.env and creates real things. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  logger = log;
  const checkOnly = process.argv.includes('--check-config');
  const store: Store | undefined = checkOnly ? undefined : await createStore(config.store, log); // runs migrations
  const app = await createApp({ config, logger: log, store });
  if (checkOnly) {
    process.stdout.write(
      `Configuration is valid.\nChannels: ${app.channels.join(', ') || 'none'}\nChecks: ${app.checks.join('; ')}\nStore: ${config.store.kind}\n` +
        (config.console.offReason ? `Note: ${config.console.offReason}.\n` : ''),
    );
    await app.close(1_000);
    return;
  }
  const port = await app.listen();
  const hints = [
    !config.slack && 'Slack is off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it)',
    !config.teams && 'Teams is off (set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID to enable it)',
    !config.aws && 'Live AWS checks are off (set AWS_REGION and IDC_IDENTITY_STORE_ID to enable them)',
    config.console.offReason && `The ${config.console.offReason} (set CONSOLE_TOKEN or HOST=127.0.0.1 to use it)`,
  ].filter(Boolean);
  log.info(
    { port, channels: app.channels, checks: app.checks, store: config.store.kind, articles: app.assistant.articles.size },
    `idc-assistant listening on port ${port}; active: ${app.channels.join(', ') || 'none'}` +
      (config.console.enabled ? `; console at http://localhost:${port}/` : '') +
      (hints.length ? `. ${hints.join('. ')}.` : ''),
  );
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
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

/**
 * The one catch: a coded error (configuration, store, knowledge base, chat platform, listen, AWS)
 * is two lines, what happened and what to do, and exit 2; anything else is a bug: its stack, exit 1.
 */
main().catch((err: unknown) => {
  if (err instanceof AppError) {
    logger?.error({ code: err.code, fix: err.fix, cause: (err.cause as Error | undefined)?.message }, err.message);
    const what = err.message.includes('\n') || /[.!?)]$/.test(err.message) ? err.message : `${err.message}.`;
    process.stderr.write(`idc-assistant could not start: ${what}\n${err.fix}\n`);
    process.exit(2);
  }
  process.stderr.write(`idc-assistant failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
