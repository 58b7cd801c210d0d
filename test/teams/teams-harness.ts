import { createApp, type App, type AppOptions } from '../../src/app';
import { loadConfig, type TeamsConfig } from '../../src/config/load-config';
import type { SupportDesk } from '../../src/core/escalations/escalation';
import { MemoryStore } from '../../src/core/ports/memory-store';
import { StoreConversationRefStore, type TeamsReferenceStore } from '../../src/teams/conversation-ref-store';
import type { AdaptiveCard, CardElement } from '../../src/teams/adaptive-card';
import { startFakeConnector, type ConnectorCall, type FakeConnector } from './fake-connector';
import { recordingLogger } from './recording-logger';

export interface TeamsHarness {
  app: App;
  base: string;
  connector: FakeConnector;
  logs: ReturnType<typeof recordingLogger>;
  /** The conversation references the Teams edge keeps, read from the same store. */
  refs: TeamsReferenceStore;
  /** The Teams edge's support desk (TEAMS_SUPPORT_CONVERSATION set), as the escalation flow gets it. */
  desk: SupportDesk | undefined;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Resolves when the Teams edge's background reply updates ("Working on it…" → answer) are done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The real app (createApp, PORT=0) with Teams on (anonymous unless env says otherwise) and a fake Bot Connector. */
export async function startTeams(
  env: Record<string, string> = {},
  { teams, ...options }: Omit<AppOptions, 'config' | 'logger'> & { teams?: Pick<TeamsConfig, 'timeouts'> } = {},
): Promise<TeamsHarness> {
  const connector = await startFakeConnector();
  const logs = recordingLogger();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', TEAMS_ALLOW_ANONYMOUS: 'true', ...env });
  if (teams?.timeouts) config.teams = { ...config.teams!, timeouts: teams.timeouts };
  const store = options.store ?? new MemoryStore();
  const app = await createApp({ config, logger: logs.logger, ...options, store });
  const base = `http://127.0.0.1:${await app.listen()}`;
  return {
    app,
    base,
    connector,
    logs,
    refs: new StoreConversationRefStore(store, () => new Date()),
    desk: app.edges.find((e) => e.platform === 'teams')?.desk,
    idle: () => app.edges.find((e) => e.platform === 'teams')!.idle(),
    post: (activity, headers = {}) =>
      fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' || Buffer.isBuffer(activity) ? (activity as string) : JSON.stringify(activity),
      }),
    close: async () => {
      await app.close();
      await connector.close();
    },
  };
}

/** The Adaptive Card a connector call carried. */
export function cardOf(call: ConnectorCall): AdaptiveCard {
  const attachment = call.body?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error(`no card in ${JSON.stringify(call.body).slice(0, 300)}`);
  return attachment.content as AdaptiveCard;
}

function elementText(e: CardElement): string[] {
  switch (e.type) {
    case 'TextBlock':
      return [e.text];
    case 'RichTextBlock':
      return [e.inlines.map((i) => i.text).join('')];
    case 'FactSet':
      return e.facts.map((f) => `${f.title}: ${f.value}`);
    case 'Container':
      return e.items.flatMap(elementText);
    case 'ActionSet':
      return e.actions.map((a) => `[${a.title}]`);
  }
}

/** Everything a person would read on the card, one element a line (Markdown escapes removed). */
export function cardText(card: AdaptiveCard): string {
  return card.body
    .flatMap(elementText)
    .join('\n')
    .replace(/\\([\\`*_[\]<>#~])/g, '$1');
}

export function cardActions(card: AdaptiveCard) {
  return card.body.flatMap((e) => (e.type === 'ActionSet' ? e.actions : []));
}
