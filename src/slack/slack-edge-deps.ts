import type { Assistant } from '../core/assistant';
import type { Metrics } from '../core/ports/metrics';
import type { Logger } from '../core/ports/ports';
import type { AnsweredThreads } from './answered-threads';
import type { AppHome } from './app-home';
import type { FileReader } from './read-attached-files';

/** What every Slack listener gets: the core, the thread memory, the logger, the channel settings. */
export interface SlackEdgeDeps {
  assistant: Assistant;
  threads: AnsweredThreads;
  logger: Logger;
  /** `edgeError('slack', kind)` on the one failure path (`guard`). */
  metrics: Metrics;
  /** Channel ids where the bot answers unasked, at the high-confidence threshold only. */
  watchChannels: ReadonlySet<string>;
  /** The support team's channel: personal data may be shown there. */
  supportChannel?: string;
  /** Reads text files attached to a message; absent: attachments are ignored. */
  files?: FileReader;
  /** The Home tab; absent: app_home_opened is ignored. */
  home?: AppHome;
}
