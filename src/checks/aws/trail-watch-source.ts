import type { WatchAlert } from '../../core/watch/watch-alert';
import type { WatchSource, WatchStore, WatchWindow } from '../../core/watch/watch-ports';
import type { AssignmentScanner } from './assignment-scanner';
import type { IdentityStoreReader } from './identity-store-reader';
import { provisioningFailures, scimFailures, signinFailures, type PrincipalNames } from './watch-findings';
import { recreatedPrincipals } from './watch-recreated';
import { asyncProvisioningFailures } from './watch-provisioning-status';
import type { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { readTrailWindow, type WatchReaderOptions, type WatchTrailEvent } from './watch-trail-reader';

export interface TrailWatchSourceOptions {
  reader: WatchReaderOptions;
  identity: IdentityStoreReader;
  scanner?: AssignmentScanner;
  /** sso-admin, for the status of asynchronous assignment and provisioning requests (needs the scanner's instance ARN). */
  ssoAdmin?: SSOAdminClient;
  identityStoreId: string;
  deletions: Pick<WatchStore, 'recordDeletion' | 'recentDeletions'>;
  /** WATCH_SIGNIN_FAILURES: failed sign-in steps per user and pass that make a finding. */
  signinThreshold: number;
}

/** The watcher's WatchSource over CloudTrail, the Identity Store and sso-admin (all read-only). */
export class TrailWatchSource implements WatchSource<WatchTrailEvent> {
  private readonly names: PrincipalNames;

  constructor(private readonly o: TrailWatchSourceOptions) {
    const quiet = <T>(p: Promise<T>) => p.catch(() => undefined);
    this.names = {
      user: async (id) => (await quiet(o.identity.describeUser(id)))?.UserName,
      group: (id) => quiet(o.identity.groupName(id)),
      permissionSet: async (arn) => (o.scanner ? o.scanner.permissionSetName(arn) : undefined),
    };
  }

  read(window: WatchWindow) {
    return readTrailWindow(this.o.reader, window);
  }

  async findings(events: readonly WatchTrailEvent[], now: Date): Promise<WatchAlert[]> {
    const { identity, scanner, identityStoreId, deletions } = this.o;
    return [
      ...(await scimFailures(events, this.names, now)),
      ...(await recreatedPrincipals(events, { names: this.names, identity, scanner, deletions, identityStoreId }, now)),
      ...(await signinFailures(events, this.names, { threshold: this.o.signinThreshold }, now)),
      ...(await provisioningFailures(events, this.names, now)),
      ...(scanner && this.o.ssoAdmin ? await asyncProvisioningFailures(events, { client: this.o.ssoAdmin, instanceArn: scanner.instanceArn, timeoutMs: this.o.reader.timeoutMs, names: this.names, metrics: this.o.reader.metrics }, now) : []),
    ];
  }
}
