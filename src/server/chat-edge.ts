import type { Config } from '../config/load-config';
import type { Assistant } from '../core/assistant';
import type { SupportDesk } from '../core/escalations/escalation';
import type { Inbox } from '../core/inbox';
import type { Platform } from '../core/input';
import type { Metrics } from '../core/ports/metrics';
import type { People } from '../core/ports/people';
import type { Clock, Logger } from '../core/ports/ports';
import type { SeenEventStore, Store } from '../core/ports/store';
import type { DigestPoster } from '../core/watch/watch-ports';
import type { Route } from './create-server';
import type { InFlight } from './in-flight';

/**
 * What every chat edge is given: its own config section, the shared sections (lookup, support,
 * watch) through `config`, and the app's core, store and trackers. No SDK types: the edge builds
 * its SDK objects from these.
 */
export interface EdgeContext<Section> {
  /** The platform's own config section (`config.slack`, `config.teams`). */
  section: Section;
  config: Config;
  assistant: Assistant;
  store: Store;
  /** Seen event ids and answered threads (default: the store). */
  seen: SeenEventStore;
  logger: Logger;
  /** The durable inbox: deliveries written before they are acknowledged, recovered after a crash. */
  inbox: Inbox;
  /** Work acknowledged but not answered yet; the app's shutdown waits for it. */
  inFlight: InFlight;
  clock: Clock;
  /** The edge emits `edgeError(platform, kind)` on its one failure path. */
  metrics: Metrics;
}

/**
 * A chat platform as the app sees it: one shape for all of them. `app.ts` mounts the routes on
 * the one HTTP server, registers the desk, digest poster and people, and calls start, stop and idle.
 */
export interface ChatEdge {
  readonly platform: Platform;
  /** Mounted on the one HTTP server (empty for transports that connect out, such as Socket Mode). */
  readonly routes: Route[];
  /** The escalation flow's desk on this platform (support channel, askers' threads). */
  readonly desk?: SupportDesk;
  /** Where the CloudTrail watcher posts its digest on this platform, when configured. */
  readonly digest?: DigestPoster;
  /** What this platform knows about its people (user groups, own e-mail). */
  readonly people?: People;
  /** Before listening: verify credentials, open connections. Throws an AppError naming what to fix. */
  start(): Promise<void>;
  /** After the server stopped accepting requests: close connections, let acknowledged work finish. */
  stop(): Promise<void>;
  /** Resolves when background work (replies finished after the turn) is done. */
  idle(): Promise<void>;
}

/** What each platform folder exports: `(context) => Promise<ChatEdge>`. */
export type ChatEdgeFactory<Section> = (context: EdgeContext<Section>) => Promise<ChatEdge>;

/**
 * The stable `kind` values of `idc_edge_errors_total{platform,kind}` (README, "Operations"):
 * - `signature`: a request refused because its signature or timestamp did not verify (Slack);
 * - `auth`: a request refused because its token was missing or invalid (Teams);
 * - `auth_unavailable`: a request's token could not be verified in time (signing keys unreachable);
 * - `platform_api`: a call to the platform's API failed (Slack Web API, Teams Bot Connector);
 * - `listener`: handling an event failed on our side (the person is told `failureReply`).
 */
export type EdgeErrorKind = 'signature' | 'auth' | 'auth_unavailable' | 'platform_api' | 'listener';
