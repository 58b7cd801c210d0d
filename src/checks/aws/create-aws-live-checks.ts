import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import type { AwsConfig } from '../../config/load-config';
import { AssignmentScanner } from './assignment-scanner';
import { AwsLiveChecks } from './aws-live-checks';
import { CloudTrailLookup } from './cloudtrail-lookup';
import { IdentityStoreReader } from './identity-store-reader';
import { TokenBucket } from './token-bucket';
import type { WatchStore } from '../../core/watch/watch-ports';
import type { AwsCallMetrics } from './call-aws';
import { TrailWatchSource } from './trail-watch-source';

export interface AwsClients {
  identitystore: IdentitystoreClient;
  cloudtrail: CloudTrailClient;
  ssoAdmin: SSOAdminClient;
}

/**
 * Real SDK clients: default credential chain, the configured region, and the SDK's own
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> override. Two attempts at most: a chat answer
 * cannot wait through long retry back-offs, and throttling is reported instead.
 */
export function createAwsClients(config: AwsConfig): AwsClients {
  const common = {
    region: config.region,
    maxAttempts: 2,
    requestHandler: { connectionTimeout: Math.min(3_000, config.callTimeoutMs), requestTimeout: config.callTimeoutMs },
  };
  return {
    identitystore: new IdentitystoreClient(common),
    cloudtrail: new CloudTrailClient(common),
    ssoAdmin: new SSOAdminClient(common),
  };
}

export interface AwsTuning {
  /** Shared LookupEvents limiter; default 2 requests/s (the CloudTrail quota). */
  trailBucket?: TokenBucket;
  /** Every AWS call the checks make is counted here (`idc_aws_call_seconds`); the app passes its metrics. */
  metrics?: AwsCallMetrics;
}

/** The LiveChecks port from configuration; tests pass clients pointed at moto and a fake CloudTrail. */
export function createAwsLiveChecks(config: AwsConfig, clients: AwsClients = createAwsClients(config), tuning: AwsTuning = {}): AwsLiveChecks {
  return new AwsLiveChecks({
    identity: new IdentityStoreReader(clients.identitystore, config.identityStoreId, config.callTimeoutMs, tuning.metrics),
    trail: new CloudTrailLookup(clients.cloudtrail, { timeoutMs: config.callTimeoutMs, bucket: tuning.trailBucket, metrics: tuning.metrics }),
    assignments: config.instanceArn ? new AssignmentScanner(clients.ssoAdmin, config.instanceArn, config.callTimeoutMs, tuning.metrics) : undefined,
    identityStoreId: config.identityStoreId,
    identitySource: config.identitySource,
    trailDays: config.trailDays,
  });
}

/** LookupEvents allows 2 requests/s per account and region; burst 1 keeps every one-second window at two or fewer. */
export function createTrailBucket(): TokenBucket {
  return new TokenBucket({ ratePerSecond: 2, burst: 1 });
}

export interface WatchSourceOptions {
  /** The same limiter the chat checks use (`createTrailBucket`): the quota is per account and region. */
  bucket: TokenBucket;
  deletions: Pick<WatchStore, 'recordDeletion' | 'recentDeletions'>;
  signinThreshold: number;
  /** LookupEvents pages per event source and pass (default 4: 200 events). */
  maxPages?: number;
  /** Every AWS call the watcher makes is counted here (`idc_aws_call_seconds`). */
  metrics?: AwsCallMetrics;
}

/** The watcher's source from configuration; tests pass clients pointed at moto and a fake CloudTrail. */
export function createAwsWatchSource(config: AwsConfig, options: WatchSourceOptions, clients: AwsClients = createAwsClients(config)): TrailWatchSource {
  return new TrailWatchSource({
    reader: { client: clients.cloudtrail, bucket: options.bucket, timeoutMs: config.callTimeoutMs, maxPages: options.maxPages ?? 4, metrics: options.metrics },
    identity: new IdentityStoreReader(clients.identitystore, config.identityStoreId, config.callTimeoutMs, options.metrics),
    scanner: config.instanceArn ? new AssignmentScanner(clients.ssoAdmin, config.instanceArn, config.callTimeoutMs, options.metrics) : undefined,
    ssoAdmin: clients.ssoAdmin,
    identityStoreId: config.identityStoreId,
    deletions: options.deletions,
    signinThreshold: options.signinThreshold,
  });
}
