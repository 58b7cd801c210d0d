/**
 * The server under test for load.bench.ts, in its own process: the real app with Slack on, live
 * checks against moto (Identity Store, sso-admin) and a loopback CloudTrail serving a real record,
 * and the SQLite store in a temporary directory. Prints `{"port": N}` once listening.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/load-config';
import { createLogger } from '../src/logger';
import { createStore } from '../src/store/create-store';
import { lookupEventsHandler, startFakeAws, storedEvent } from '../test/helpers/fake-aws-json';

const [apiUrl, secret, motoUrl, instanceArn] = process.argv.slice(2) as [string, string, string, string];

async function main(): Promise<number> {
  const record = readFileSync(join(__dirname, '../test/fixtures/cloudtrail/awsdocs_signin_CredentialVerification_password_FAILURE.json'), 'utf8');
  const trail = await startFakeAws(lookupEventsHandler([storedEvent(record.replace('"userName":"user1"', '"userName":"alice@example.com"'))]));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: motoUrl,
    AWS_ENDPOINT_URL_CLOUDTRAIL: trail.url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: apiUrl,
    AWS_REGION: 'us-east-1',
    IDC_IDENTITY_STORE_ID: 'd-1234567890',
    IDC_INSTANCE_ARN: instanceArn,
    LOOKUP_ALLOWED_USERS: 'U0ASKER',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'idc-load-')),
  });
  const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
  const store = await createStore(config.store, logger);
  return (await createApp({ config, logger, store })).listen();
}

process.once('SIGINT', () => process.exit(0));
main().then(
  (port) => process.stdout.write(`${JSON.stringify({ port })}\n`),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack}\n`);
    process.exit(1);
  },
);
