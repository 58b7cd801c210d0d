import type { App } from '@slack/bolt';
import { slackErrorCode } from '../deliver-reply';
import type { SlackEdgeDeps } from '../slack-edge-deps';

/** `app_home_opened` on the Home tab (not the Messages tab): publish a fresh Home view for that person. */
export function onAppHomeOpened(app: App, deps: SlackEdgeDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home' || !deps.home) return;
    try {
      await deps.home.publish(client, event.user);
    } catch (err) {
      deps.logger.error({ code: slackErrorCode(err), err: (err as Error).message }, 'could not publish the Home tab');
    }
  });
}
