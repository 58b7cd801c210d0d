import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudTrailLookup } from '../../../src/checks/aws/cloudtrail-lookup';
import { fixturesDir } from '../../helpers/builders';
import { awsError, fixtureRecords, lookupEventsHandler, startFakeAws, storedEvent, type FakeAws, type StoredEvent } from '../../helpers/fake-aws-json';
import { TEST_CREDENTIALS } from '../../helpers/moto';

const dir = join(fixturesDir, 'cloudtrail');
const allEvents: StoredEvent[] = readdirSync(dir).flatMap((f) => fixtureRecords(readFileSync(join(dir, f), 'utf8')).map(storedEvent));

/** A real CloudTrail SDK client over real HTTP to the loopback fake. */
const clientFor = (fake: FakeAws) => new CloudTrailClient({ region: 'us-east-1', endpoint: fake.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });

describe('CloudTrailLookup against a loopback CloudTrail', () => {
  let fake: FakeAws;
  beforeEach(async () => {
    fake = await startFakeAws(lookupEventsHandler(allEvents));
  });
  afterEach(() => fake.close());

  it('sends one lookup attribute, a bounded window and 50-event pages, and parses the records', async () => {
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    const before = Date.now();
    const r = await lookup.lookup({ key: 'EventSource', value: 'identitystore-scim.amazonaws.com', days: 7 });
    expect(r.events.map((e) => e.name).sort()).toEqual(['CreateGroup', 'CreateUser', 'PatchGroup', 'PatchUser']);
    const body = fake.requests[0]!.body as { LookupAttributes: unknown; StartTime: number; EndTime: number; MaxResults: number };
    expect(body.LookupAttributes).toEqual([{ AttributeKey: 'EventSource', AttributeValue: 'identitystore-scim.amazonaws.com' }]);
    expect(body.MaxResults).toBe(50);
    expect(body.EndTime * 1000 - body.StartTime * 1000).toBe(7 * 86_400_000);
    expect(Math.abs(body.EndTime * 1000 - before)).toBeLessThan(5_000);
  });

  it('clamps the window to CloudTrail’s 90 days', async () => {
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    await lookup.lookup({ key: 'EventName', value: 'UpdatePassword', days: 400 });
    const body = fake.requests[0]!.body as { StartTime: number; EndTime: number };
    expect(body.EndTime - body.StartTime).toBe(90 * 86_400);
  });

  it('counts malformed records instead of failing on them', async () => {
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    const r = await lookup.lookup({ key: 'EventName', value: 'CredentialVerification', days: 7 });
    // Six CredentialVerification fixtures; the WorkSpaces one has a missing quote and is skipped.
    expect(r.events).toHaveLength(5);
    expect(r.malformed).toBe(1);
    expect(r.error).toBeUndefined();
  });

  it('stops at the page bound and says the result is truncated', async () => {
    const many = Array.from({ length: 260 }, (_, i) => storedEvent(JSON.stringify({ eventID: `e${i}`, eventName: 'UserAuthentication', eventSource: 'signin.amazonaws.com', eventTime: '2025-01-01T00:00:00Z' })));
    fake.handler = lookupEventsHandler(many);
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000, maxPages: 2 });
    const r = await lookup.lookup({ key: 'EventSource', value: 'signin.amazonaws.com', days: 7 });
    expect(r.events).toHaveLength(100);
    expect(r.truncated).toBe(true);
    expect(fake.requests.map((q) => q.body.NextToken)).toEqual([undefined, '50']);
  });

  it('caches results and coalesces identical lookups in flight', async () => {
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    const q = { key: 'Username' as const, value: 'user1', days: 7 };
    const [a, b] = await Promise.all([lookup.lookup(q), lookup.lookup(q)]);
    expect(a).toBe(b);
    await lookup.lookup({ ...q, value: 'USER1' });
    expect(fake.requests).toHaveLength(1);
    await lookup.lookup({ ...q, days: 30 });
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps to 2 LookupEvents requests per second across concurrent lookups', async () => {
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    const names = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(names.map((value) => lookup.lookup({ key: 'Username', value, days: 7 })));
    const times = fake.requests.map((r) => r.at).sort((x, y) => x - y);
    expect(times).toHaveLength(5);
    // One every 500 ms (so no one-second window holds more than two); the margin absorbs
    // event-loop jitter between leaving the bucket and reaching the server on a busy machine.
    expect(times[4]! - times[0]!).toBeGreaterThanOrEqual(1_900);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(900);
  });

  it('turns throttling into a check error that names the action, and does not cache it', async () => {
    fake.handler = () => awsError('ThrottlingException', 'Rate exceeded');
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    const q = { key: 'Username' as const, value: 'user1', days: 7 };
    await expect(lookup.lookup(q)).rejects.toMatchObject({ code: 'throttled', action: 'cloudtrail:LookupEvents' });
    fake.handler = lookupEventsHandler(allEvents);
    expect((await lookup.lookup(q)).events.length).toBeGreaterThan(0);
  });

  it('turns AccessDenied into a check error that names the missing action', async () => {
    fake.handler = () => awsError('AccessDeniedException', 'User: arn:aws:sts::123456789012:assumed-role/idc-bot/x is not authorized to perform: cloudtrail:LookupEvents');
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    const err = await lookup.lookup({ key: 'Username', value: 'user1', days: 7 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'access-denied' });
    expect((err as { line: string }).line).toMatch(/may not call cloudtrail:LookupEvents.*Allow cloudtrail:LookupEvents/);
  });

  it('gives up on a slow endpoint after its timeout', async () => {
    fake.handler = () => ({ body: { Events: [] }, delayMs: 5_000 });
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 300 });
    const started = Date.now();
    await expect(lookup.lookup({ key: 'Username', value: 'user1', days: 7 })).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps the pages it has when a later page fails', async () => {
    const many = Array.from({ length: 80 }, (_, i) => storedEvent(JSON.stringify({ eventID: `e${i}`, eventName: 'UserAuthentication', eventSource: 'signin.amazonaws.com' })));
    const pages = lookupEventsHandler(many);
    fake.handler = (op, body) => (body.NextToken ? awsError('ThrottlingException', 'Rate exceeded') : pages(op, body));
    const lookup = new CloudTrailLookup(clientFor(fake), { timeoutMs: 2_000 });
    const r = await lookup.lookup({ key: 'EventSource', value: 'signin.amazonaws.com', days: 7 });
    expect(r.events).toHaveLength(50);
    expect(r.truncated).toBe(true);
    expect(r.error?.code).toBe('throttled');
  });
});
