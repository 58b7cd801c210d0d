import { createApp, type App, type AppOptions } from '../../src/app';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger, type Logger } from '../../src/core/ports';
import { MemoryStore, type SeenEventStore } from '../../src/core/store';
import { FakeSlack } from '../helpers/fake-slack';
import { SIGNING_SECRET } from '../helpers/slack-requests';

export interface SlackHarness {
  app: App;
  fake: FakeSlack;
  /** http://127.0.0.1:PORT/slack/events */
  events: string;
  base: string;
  close(): Promise<void>;
}

/** The real app (createApp, PORT=0) with Slack on, talking to a fake Slack Web API on loopback. */
export async function startSlackApp(o: { seen?: SeenEventStore; fake?: FakeSlack; env?: Record<string, string>; logger?: Logger; deps?: AppOptions['deps'] } = {}): Promise<SlackHarness> {
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
    app = createApp({ config, logger: o.logger ?? silentLogger, seen: o.seen ?? new MemoryStore(), deps: o.deps });
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
    close: async () => {
      await app.close();
      if (!o.fake) await fake.close();
    },
  };
}
