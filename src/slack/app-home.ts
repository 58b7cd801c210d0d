import type { webApi } from '@slack/bolt';
import type { Logger } from '../core/ports/ports';
import { buildHome, type HomeDeps } from '../core/surfaces/build-home';
import { renderHomeView } from './render-view';
import { SLACK_COMMAND_PREFIX } from './slack-conversation';
import type { SupportTeam } from './support-team';

/**
 * The Home tab: composed by the core for this viewer (escalations only for the support team),
 * rendered here, published with `views.publish` (no scope needed; the Home tab must be enabled).
 */
export class AppHome {
  constructor(
    private readonly home: HomeDeps,
    private readonly team: SupportTeam,
    private readonly logger: Logger,
  ) {}

  async publish(client: webApi.WebClient, userId: string): Promise<void> {
    const support = await this.team.includes(userId);
    const view = renderHomeView(await buildHome(this.home, { support, commandPrefix: SLACK_COMMAND_PREFIX }));
    await client.views.publish({ user_id: userId, view });
    this.logger.debug({ support, blocks: view.blocks.length }, 'home tab published');
  }
}
