import type { Article, EventSignature } from '../knowledge/article';
import type { CloudTrailHint } from './extract-entities';

export interface EventHit {
  article: number;
  score: number;
  /** e.g. "ExternalIdPDirectoryLogin (failed)". */
  event: string;
}

/** A CloudTrail record whose name, source and outcome an article lists is nearly as good as the error text. */
const EVENT_SCORE = 0.9;

/** Matches CloudTrail records found in a message against the `events:` of each article. */
export function matchEvents(articles: readonly Article[], events: readonly CloudTrailHint[]): EventHit[] {
  if (events.length === 0) return [];
  const hits: EventHit[] = [];
  articles.forEach((article, a) => {
    for (const sig of article.events) {
      const hit = events.find((e) => eventMatches(sig, e));
      if (hit) {
        const outcome = hit.errorCode ? ` (${hit.errorCode})` : hit.failed ? ' (failed)' : '';
        hits.push({ article: a, score: EVENT_SCORE, event: `${hit.eventName}${outcome}` });
        return;
      }
    }
  });
  return hits;
}

function eventMatches(sig: EventSignature, e: CloudTrailHint): boolean {
  const same = (x: string | undefined, y: string) => x !== undefined && x.toLowerCase() === y.toLowerCase();
  if (sig.name !== '*' && !same(e.eventName, sig.name)) return false;
  if (sig.source && !same(e.eventSource, sig.source)) return false;
  if (sig.error) return same(e.errorCode, sig.error);
  return !sig.failed || e.failed;
}
