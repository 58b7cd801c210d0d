import type { Article } from '../../knowledge/article';
import type { Clock, Logger } from '../ports/ports';
import type { AnswerLog, EscalationStore } from '../ports/store';
import { composeHome, type HomeView } from './compose-home';

export interface HomeDeps {
  store: Pick<AnswerLog, 'articleStats'> & Pick<EscalationStore, 'listEscalations'>;
  articles: ReadonlyMap<string, Article>;
  clock: Clock;
  logger: Logger;
}

/** The statistics window of the home page. */
export const HOME_STATS_DAYS = 30;
/** Escalations listed on the home page (two blocks each; Slack allows 100 blocks in a Home view). */
export const HOME_ESCALATIONS = 15;

/**
 * Reads what the home page shows and composes it. A store failure costs only its section: the
 * page still explains the assistant.
 */
export async function buildHome(deps: HomeDeps, viewer: { support: boolean; commandPrefix?: string }): Promise<HomeView> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - HOME_STATS_DAYS * 24 * 3600 * 1000);
  const failed = (what: string) => (err: unknown) => {
    deps.logger.warn({ err: (err as Error).message }, `home: could not read ${what}`);
    return err instanceof Error ? err : new Error(String(err));
  };
  const [stats, escalations] = await Promise.all([
    deps.store.articleStats(since).catch(failed('article stats')),
    viewer.support ? deps.store.listEscalations({ status: ['open', 'claimed'], limit: HOME_ESCALATIONS + 1 }).catch(failed('escalations')) : Promise.resolve(undefined),
  ]);
  const more = Array.isArray(escalations) && escalations.length > HOME_ESCALATIONS;
  return composeHome({
    articles: deps.articles,
    stats,
    escalations: Array.isArray(escalations) ? escalations.slice(0, HOME_ESCALATIONS) : escalations,
    moreEscalations: more,
    windowDays: HOME_STATS_DAYS,
    now,
    commandPrefix: viewer.commandPrefix ?? '',
  });
}
