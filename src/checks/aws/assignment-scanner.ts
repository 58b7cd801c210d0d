import {
  DescribePermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListAccountsForProvisionedPermissionSetCommand,
  ListPermissionSetsCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { callAws, type AwsCallMetrics } from './call-aws';
import { CoalescingCache } from '../../core/coalescing-cache';

export interface Assignment {
  accountId: string;
  permissionSetArn: string;
  principalType: 'USER' | 'GROUP';
  principalId: string;
}

export interface AssignmentScan {
  assignments: Assignment[];
  /** A bound was hit: some permission sets, accounts or pages were not read. */
  partial: boolean;
  /** AWS calls the scan made. */
  calls: number;
}

export interface ScanLimits {
  /** AWS calls one scan may make in all (each is one request to sso-admin). */
  maxCalls: number;
  /** Pages per list call (100 items a page). */
  maxPages: number;
}

const DEFAULT_LIMITS: ScanLimits = { maxCalls: 300, maxPages: 5 };

/**
 * Lists account assignments of an IAM Identity Center instance: permission sets → accounts each
 * is provisioned to → assignments. Bounded by a call budget (large organisations have thousands
 * of pairs; a partial scan says so) and cached for a minute, since `check user` and
 * `check assignments` both use it.
 */
export class AssignmentScanner {
  private readonly cache: CoalescingCache<AssignmentScan>;
  private readonly names: CoalescingCache<string | undefined>;
  private readonly limits: ScanLimits;

  constructor(
    private readonly client: SSOAdminClient,
    readonly instanceArn: string,
    private readonly timeoutMs: number,
    private readonly metrics?: AwsCallMetrics,
    limits: Partial<ScanLimits> = {},
    now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.cache = new CoalescingCache<AssignmentScan>(60_000, now, 4);
    this.names = new CoalescingCache<string | undefined>(10 * 60_000, now, 1_000);
  }

  /** One AWS call with the configured deadline, counted in the metrics. */
  private call<T>(action: string, run: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    return callAws(action, this.timeoutMs, run, this.metrics);
  }

  scan(): Promise<AssignmentScan> {
    return this.cache.get('all', () => this.load());
  }

  /** The permission set's name, for the fix message; undefined if it cannot be read. */
  permissionSetName(permissionSetArn: string): Promise<string | undefined> {
    return this.names.get(permissionSetArn, async () => {
      const out = await this.call('sso:DescribePermissionSet', (abortSignal) =>
        this.client.send(new DescribePermissionSetCommand({ InstanceArn: this.instanceArn, PermissionSetArn: permissionSetArn }), { abortSignal }),
      );
      return out.PermissionSet?.Name;
    }).catch(() => undefined);
  }

  private async load(): Promise<AssignmentScan> {
    const scan: AssignmentScan = { assignments: [], partial: false, calls: 0 };
    const budget = () => {
      if (scan.calls >= this.limits.maxCalls) {
        scan.partial = true;
        return false;
      }
      scan.calls++;
      return true;
    };
    /** Reads pages of one list call until done, the page bound or the call budget. */
    const pages = async <T>(read: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> => {
      const all: T[] = [];
      let token: string | undefined;
      for (let page = 0; page < this.limits.maxPages; page++) {
        if (!budget()) return all;
        const { items, next } = await read(token);
        all.push(...items);
        token = next;
        if (!token) return all;
      }
      scan.partial = true;
      return all;
    };

    const sets = await pages(async (token) => {
      const out = await this.call('sso:ListPermissionSets', (abortSignal) =>
        this.client.send(new ListPermissionSetsCommand({ InstanceArn: this.instanceArn, MaxResults: 100, NextToken: token }), { abortSignal }),
      );
      return { items: out.PermissionSets ?? [], next: out.NextToken };
    });
    for (const permissionSetArn of sets) {
      const accounts = await pages(async (token) => {
        const out = await this.call('sso:ListAccountsForProvisionedPermissionSet', (abortSignal) =>
          this.client.send(
            new ListAccountsForProvisionedPermissionSetCommand({ InstanceArn: this.instanceArn, PermissionSetArn: permissionSetArn, MaxResults: 100, NextToken: token }),
            { abortSignal },
          ),
        );
        return { items: out.AccountIds ?? [], next: out.NextToken };
      });
      for (const accountId of accounts) {
        const found = await pages(async (token) => {
          const out = await this.call('sso:ListAccountAssignments', (abortSignal) =>
            this.client.send(
              new ListAccountAssignmentsCommand({ InstanceArn: this.instanceArn, AccountId: accountId, PermissionSetArn: permissionSetArn, MaxResults: 100, NextToken: token }),
              { abortSignal },
            ),
          );
          return { items: out.AccountAssignments ?? [], next: out.NextToken };
        });
        for (const a of found) {
          if (!a.PrincipalId || (a.PrincipalType !== 'USER' && a.PrincipalType !== 'GROUP')) continue;
          scan.assignments.push({ accountId: a.AccountId ?? accountId, permissionSetArn: a.PermissionSetArn ?? permissionSetArn, principalType: a.PrincipalType, principalId: a.PrincipalId });
        }
      }
    }
    return scan;
  }
}
