import { CloudAdapter, type AuthConfiguration, type ConnectorClient } from '@microsoft/agents-hosting';
import type { Activity } from '@microsoft/agents-activity';
import { TeamsError } from './teams-errors';
import { withTimeout } from './with-timeout';

type Identity = Parameters<CloudAdapter['createConnectorClient']>[2];
type HeaderArg = Parameters<CloudAdapter['createConnectorClient']>[3];

/**
 * The SDK's CloudAdapter with every outgoing Bot Connector call bounded: its HTTP client uses
 * fetch without a timeout (30 s and more against an unresponsive endpoint), and the token fetch
 * that precedes a connector client has none either. Both are bounded by `timeoutMs`.
 */
export class BoundedCloudAdapter extends CloudAdapter {
  constructor(
    authConfig: AuthConfiguration,
    private readonly timeoutMs: number,
    options: { validateServiceUrl: boolean },
  ) {
    // An explicit, disabled outbound host policy: the SDK would otherwise read it from env vars.
    super(authConfig, undefined, undefined, { emitStackTrace: false, validateServiceUrl: options.validateServiceUrl }, { enabled: false, isAllowed: () => true });
  }

  protected override async createConnectorClient(serviceUrl: string, scope: string, identity: Identity, headers?: HeaderArg): Promise<ConnectorClient> {
    return this.bound(await withTimeout(super.createConnectorClient(serviceUrl, scope, identity, headers), this.timeoutMs, 'Token for the Bot Connector'));
  }

  protected override async createConnectorClientWithIdentity(identity: Identity, activity: Activity, headers?: HeaderArg): Promise<ConnectorClient> {
    return this.bound(await withTimeout(super.createConnectorClientWithIdentity(identity, activity, headers), this.timeoutMs, 'Token for the Bot Connector'));
  }

  /**
   * Gives each request of this client an abort signal (the client honours one when present) and
   * turns the abort into an error that says what timed out.
   */
  private bound(client: ConnectorClient): ConnectorClient {
    const http = client.httpClient;
    const request = http.request.bind(http);
    const ms = this.timeoutMs;
    http.request = (async (config) => {
      try {
        return await request({ ...config, signal: config.signal ?? AbortSignal.timeout(ms) });
      } catch (err) {
        if ((err as Error)?.name !== 'TimeoutError') throw err;
        throw new TeamsError(
          'connector_timeout',
          `The Bot Connector did not answer ${config.method.toUpperCase()} ${config.url} within ${ms} ms`,
          'Check that the service URL Teams sent is reachable from this host; Teams retries on its side.',
          { cause: err },
        );
      }
    }) as typeof http.request;
    return client;
  }
}
