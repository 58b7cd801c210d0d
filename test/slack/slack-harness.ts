import { createApp, type App, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger, type Logger } from '../../src/core/ports/ports';
import { type SeenEventStore } from '../../src/core/ports/store';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { FakeSlack, type RecordedCall } from '../helpers/fake-slack';
import { SIGNING_SECRET } from '../helpers/slack-requests';

export interface SlackHarness {
  app: App;
  fake: FakeSlack;
  /** http://127.0.0.1:PORT/slack/events */
  events: string;
  base: string;
  /** Web API calls made while starting (auth.test). */
  startup: RecordedCall[];
  close(): Promise<void>;
}

/** The real app (createApp, PORT=0) with Slack on, talking to a fake Slack Web API on loopback. */
export async function startSlackApp(
  o: { seen?: SeenEventStore; fake?: FakeSlack; env?: Record<string, string>; logger?: Logger; deps?: AppOptions['deps'] } & Pick<AppOptions, 'store' | 'watchSource'> = {},
): Promise<SlackHarness> {
  const fake = o.fake ?? (await new FakeSlack().start());
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    SLACK_WATCH_CHANNELS: 'C0WATCH',
    ...o.env,
  });
  let app: App;
  let base: string;
  try {
    app = await createApp({ config, logger: o.logger ?? silentLogger, seen: o.seen ?? new MemoryStore(), deps: o.deps, store: o.store, watchSource: o.watchSource });
    base = `http://127.0.0.1:${await app.listen()}`;
  } catch (err) {
    if (!o.fake) await fake.close();
    throw err;
  }
  return {
    app,
    fake,
    base,
    events: `${base}/slack/events`,
    startup: [...fake.calls],
    close: async () => {
      await app.close();
      if (!o.fake) await fake.close();
    },
  };
}

/** One app for a whole test file, with the fake's records cleared before each test. */
export function useSlackApp(): SlackHarness {
  let h: SlackHarness | undefined;
  beforeAll(async () => {
    h = await startSlackApp();
  });
  afterAll(() => h?.close());
  beforeEach(() => h!.fake.reset());
  return {
    get app() {
      return h!.app;
    },
    get fake() {
      return h!.fake;
    },
    get events() {
      return h!.events;
    },
    get base() {
      return h!.base;
    },
    get startup() {
      return h!.startup;
    },
    close: () => h!.close(),
  };
}
