import type { App } from '@slack/bolt';
import { type EventArgs, guard } from '../guard-listener';
import type { SlackEdgeDeps } from '../slack-edge-deps';

/** `app_home_opened` on the Home tab (not the Messages tab): publish a fresh Home view for that person. */
export function onAppHomeOpened(app: App, deps: SlackEdgeDeps): void {
  app.event('app_home_opened', guard<EventArgs<'app_home_opened'>>(deps, 'app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home' || !deps.home) return;
    await deps.home.publish(client, event.user);
  }));
}
