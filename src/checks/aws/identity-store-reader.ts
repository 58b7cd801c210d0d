import {
  DescribeGroupCommand,
  DescribeUserCommand,
  GetGroupIdCommand,
  GetUserIdCommand,
  ListGroupMembershipsForMemberCommand,
  type DescribeUserCommandOutput,
  type IdentitystoreClient,
} from '@aws-sdk/client-identitystore';
import { AwsCheckError } from './aws-check-error';
import { callAws, type AwsCallMetrics } from './call-aws';
import { CoalescingCache } from '../../core/coalescing-cache';

export type IdentityUser = Omit<DescribeUserCommandOutput, '$metadata'>;

export interface GroupRef {
  id: string;
  /** Undefined when the name could not be read (bounded, or the call failed). */
  name?: string;
}

export interface Limits {
  /** Membership pages read per user (100 memberships a page). */
  maxMembershipPages: number;
  /** Groups whose names are looked up (one DescribeGroup each). */
  maxGroupNames: number;
}

const DEFAULT_LIMITS: Limits = { maxMembershipPages: 3, maxGroupNames: 25 };

/** Runs `fn` over `items` with at most `width` calls in flight (the Identity Store throttles bursts). */
export async function mapBounded<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

function isNotFound(err: unknown): boolean {
  return err instanceof AwsCheckError && err.code === 'not-found';
}

/** Read-only Identity Store calls, each with a timeout, mapped errors and (for existence) a cache. */
export class IdentityStoreReader {
  private readonly exists: CoalescingCache<boolean>;
  private readonly limits: Limits;

  constructor(
    private readonly client: IdentitystoreClient,
    private readonly identityStoreId: string,
    private readonly timeoutMs: number,
    private readonly metrics?: AwsCallMetrics,
    limits: Partial<Limits> = {},
    now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.exists = new CoalescingCache<boolean>(60_000, now, 5_000);
  }

  /** One AWS call with the configured deadline, counted in the metrics. */
  private call<T>(action: string, run: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    return callAws(action, this.timeoutMs, run, this.metrics);
  }

  /** GetUserId by userName, then (for e-mails) by emails.value. Undefined: no such user. */
  async findUserId(subject: string): Promise<{ userId: string; matchedBy: 'userName' | 'email' } | undefined> {
    const paths: Array<['userName' | 'emails.value', 'userName' | 'email']> = [['userName', 'userName']];
    if (subject.includes('@')) paths.push(['emails.value', 'email']);
    for (const [path, matchedBy] of paths) {
      try {
        const out = await this.call('identitystore:GetUserId', (abortSignal) =>
          this.client.send(
            new GetUserIdCommand({ IdentityStoreId: this.identityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: path, AttributeValue: subject } } }),
            { abortSignal },
          ),
        );
        if (out.UserId) return { userId: out.UserId, matchedBy };
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    }
    return undefined;
  }

  async describeUser(userId: string): Promise<IdentityUser> {
    const { $metadata: _, ...user } = await this.call('identitystore:DescribeUser', (abortSignal) =>
      this.client.send(new DescribeUserCommand({ IdentityStoreId: this.identityStoreId, UserId: userId }), { abortSignal }),
    );
    return user;
  }

  /** The user's groups, names included for the first `maxGroupNames`. Bounded: `truncated` says so. */
  async groupsOf(userId: string): Promise<{ groups: GroupRef[]; truncated: boolean }> {
    const ids: string[] = [];
    let token: string | undefined;
    let truncated = false;
    for (let page = 0; ; page++) {
      if (page >= this.limits.maxMembershipPages) {
        truncated = true;
        break;
      }
      const out = await this.call('identitystore:ListGroupMembershipsForMember', (abortSignal) =>
        this.client.send(
          new ListGroupMembershipsForMemberCommand({ IdentityStoreId: this.identityStoreId, MemberId: { UserId: userId }, MaxResults: 100, NextToken: token }),
          { abortSignal },
        ),
      );
      for (const m of out.GroupMemberships ?? []) if (m.GroupId) ids.push(m.GroupId);
      token = out.NextToken;
      if (!token) break;
    }
    const named = ids.slice(0, this.limits.maxGroupNames);
    const names = await mapBounded(named, 4, (id) => this.groupName(id).catch(() => undefined));
    return { groups: ids.map((id, i) => ({ id, name: names[i] })), truncated: truncated || ids.length > named.length };
  }

  async groupName(groupId: string): Promise<string | undefined> {
    const out = await this.call('identitystore:DescribeGroup', (abortSignal) =>
      this.client.send(new DescribeGroupCommand({ IdentityStoreId: this.identityStoreId, GroupId: groupId }), { abortSignal }),
    );
    return out.DisplayName;
  }

  /** GetGroupId by display name. Undefined: no such group. */
  async findGroupId(displayName: string): Promise<string | undefined> {
    try {
      const out = await this.call('identitystore:GetGroupId', (abortSignal) =>
        this.client.send(
          new GetGroupIdCommand({ IdentityStoreId: this.identityStoreId, AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: displayName } } }),
          { abortSignal },
        ),
      );
      return out.GroupId;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** Whether a principal id still exists (ResourceNotFound: it was deleted). Cached for a minute. */
  principalExists(type: 'USER' | 'GROUP', id: string): Promise<boolean> {
    return this.exists.get(`${type}:${id}`, async () => {
      try {
        if (type === 'USER') await this.describeUser(id);
        else await this.groupName(id);
        return true;
      } catch (err) {
        if (isNotFound(err)) return false;
        throw err;
      }
    });
  }
}
