import type { AuthConfiguration } from '@microsoft/agents-hosting';
import type { TeamsConfig } from '../config/load-config';

const CONNECTION = 'teams';

/**
 * Every setting the SDK would otherwise pick up from environment variables (it scans them at
 * import time, case-insensitively: a stray `CLIENTID` or `Connections__x__Settings__ClientId`
 * would switch auth on or change the app id). Each is set explicitly, to undefined when unused,
 * so our validated config is the only source.
 */
const SDK_ENV_KEYS = [
  'tenantId', 'clientId', 'clientSecret', 'certPemFile', 'certKeyFile', 'sendX5C', 'connectionName',
  'federatedClientId', 'FICClientId', 'WIDAssertionFile', 'federatedTokenFile', 'authType', 'authority',
  'authorityEndpoint', 'scope', 'scopes', 'issuers', 'validateIssuer', 'azureRegion', 'msalRetryCount',
  'idpmResource', 'sidecarBaseUrl', 'serviceName', 'blueprintServiceName', 'bypassLocalNetworkRestriction',
  'requestTimeout', 'retryCount', 'altBlueprintConnectionName', 'alternateBlueprintConnectionName',
] as const;

/**
 * The SDK's auth configuration, built from our config only. Anonymous mode has no client id, so
 * outgoing calls carry no token (the local Bot Framework Emulator and tests accept that).
 */
export function teamsAuthConfig(teams: TeamsConfig): AuthConfiguration {
  const blank = Object.fromEntries(SDK_ENV_KEYS.map((k) => [k, undefined])) as AuthConfiguration;
  const anonymous = teams.allowAnonymous;
  const connection: AuthConfiguration = anonymous
    ? { ...blank }
    : {
        ...blank,
        clientId: teams.appId,
        tenantId: teams.tenantId,
        clientSecret: teams.appPassword,
        certPemFile: teams.certificatePemFile,
        certKeyFile: teams.certificateKeyFile,
        authType: teams.certificatePemFile ? 'Certificate' : 'ClientSecret',
        authority: teams.authority,
        authorityEndpoint: teams.authority,
        // Reject tokens from other tenants' issuers (the SDK checks signature and audience either way).
        validateIssuer: true,
        requestTimeout: 10_000,
      };
  return {
    ...connection,
    connections: new Map([[CONNECTION, connection]]),
    connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }],
  };
}
