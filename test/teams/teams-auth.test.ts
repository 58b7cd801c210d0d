import { TENANT, personalMessage } from './teams-activities';
import { startLocalEntra, type LocalEntra } from './local-entra';
import { startTeams, type TeamsHarness } from './teams-harness';

const APP_ID = '11111111-2222-4333-8444-555555555555';

function claims(entra: LocalEntra, over: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { aud: APP_ID, iss: entra.issuer, tid: TENANT, iat: now, nbf: now - 5, exp: now + 3600, ...over };
}

/** An activity that asks for its replies in the HTTP response (no Bot Connector, hence no outgoing token needed). */
function expectReplies(text: string) {
  const { serviceUrl: _s, ...activity } = personalMessage('http://unused.invalid/', text);
  return { ...activity, deliveryMode: 'expectReplies' };
}

describe('Teams edge over HTTP: authentication on (the default)', () => {
  let entra: LocalEntra;
  let h: TeamsHarness;

  beforeAll(async () => {
    entra = await startLocalEntra(TENANT);
    h = await startTeams({
      TEAMS_ALLOW_ANONYMOUS: 'false',
      TEAMS_APP_ID: APP_ID,
      TEAMS_APP_PASSWORD: 'not-a-real-secret-value',
      TEAMS_TENANT_ID: TENANT,
      TEAMS_AUTHORITY: entra.authority,
    });
  });
  afterAll(async () => {
    await h.close();
    await entra.close();
  });

  const timed = async (headers: Record<string, string>) => {
    const started = Date.now();
    const res = await h.post(personalMessage(h.connector.url, 'help'), headers);
    return { res, ms: Date.now() - started };
  };

  it('counts each refused request as idc_edge_errors_total{platform="teams",kind="auth"}', async () => {
    const count = async () => {
      const line = (await (await fetch(`${h.base}/metrics`)).text()).split('\n').find((l) => l.startsWith('idc_edge_errors_total{platform="teams",kind="auth"}'));
      return line ? Number(line.split(' ').pop()) : 0;
    };
    const before = await count();
    expect((await timed({})).res.status).toBe(401);
    expect((await timed({ authorization: 'Bearer not-a-jwt' })).res.status).toBe(401);
    expect(await count()).toBe(before + 2);
  });

  it('rejects a request without a token with 401, fast, and sends nothing', async () => {
    const { res, ms } = await timed({});
    expect(res.status).toBe(401);
    expect(ms).toBeLessThan(500);
    expect(await res.json()).toEqual({ 'jwt-auth-error': 'authorization header not found' });
    expect(h.connector.calls).toHaveLength(0);
  });

  it.each([
    ['a malformed header', () => 'Token abc'],
    ['a token for another app (wrong audience)', () => `Bearer ${entra.token(claims(entra, { aud: 'some-other-app' }))}`],
    ['a token signed with a key the issuer does not publish', () => `Bearer ${entra.token(claims(entra), { otherKey: true })}`],
    ['an expired token', () => `Bearer ${entra.token(claims(entra, { exp: Math.floor(Date.now() / 1000) - 3600 }))}`],
    ['a token from an issuer we do not trust', () => `Bearer ${entra.token(claims(entra, { iss: 'https://login.microsoftonline.com/aaaaaaaa-0000-4000-8000-000000000000/v2.0', tid: 'aaaaaaaa-0000-4000-8000-000000000000' }))}`],
    ['garbage', () => 'Bearer not.a.jwt'],
  ])('rejects %s with 401, fast', async (_name, header) => {
    const { res, ms } = await timed({ authorization: header() });
    expect(res.status).toBe(401);
    expect(ms).toBeLessThan(1_000);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('rejects a wrong-audience token before fetching any signing key', async () => {
    const before = entra.keyFetches;
    await timed({ authorization: `Bearer ${entra.token(claims(entra, { aud: 'some-other-app' }))}` });
    expect(entra.keyFetches).toBe(before);
  });

  it('accepts a correctly signed token and answers (replies returned in the response: expectReplies)', async () => {
    const res = await h.post(expectReplies("Cannot perform the operation on the protected role 'AWSReservedSSO_Admin_1'"), { authorization: `Bearer ${entra.token(claims(entra))}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { activities: Array<{ attachments: Array<{ content: { version: string; fallbackText: string } }> }> };
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0]!.attachments[0]!.content).toMatchObject({ version: '1.5', fallbackText: expect.stringMatching(/^IAM says it cannot change a protected AWSReservedSSO_ role/) });
  });

  it('rejects an activity whose serviceUrl differs from the token’s serviceurl claim (400)', async () => {
    const token = entra.token(claims(entra, { serviceurl: 'https://smba.trafficmanager.net/emea/' }));
    const res = await h.post(personalMessage(h.connector.url, 'help'), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(400);
    expect(h.connector.calls).toHaveLength(0);
  });

  it('checks the token before reading the body: an unauthenticated oversized body gets 401, not 413', async () => {
    const res = await h.post(JSON.stringify(personalMessage(h.connector.url, 'x'.repeat(2 * 1024 * 1024))));
    expect(res.status).toBe(401);
  });

  it('never logs the token', () => {
    expect(h.logs.text()).not.toMatch(/eyJ[\w-]{10,}/);
  });
});

describe('Teams edge over HTTP: signing keys that never arrive', () => {
  it('answers 503 within the auth timeout instead of waiting for the key endpoint', async () => {
    const entra = await startLocalEntra(TENANT, { hang: true });
    const h = await startTeams(
      { TEAMS_ALLOW_ANONYMOUS: 'false', TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'x-secret', TEAMS_TENANT_ID: TENANT, TEAMS_AUTHORITY: entra.authority },
      { teams: { timeouts: { authMs: 300 } } },
    );
    try {
      const started = Date.now();
      const res = await h.post(expectReplies('help'), { authorization: `Bearer ${entra.token(claims(entra))}` });
      expect(res.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await res.json()).toMatchObject({ error: 'auth_unavailable' });
    } finally {
      await h.close();
      await entra.close();
    }
  });
});

describe('Teams edge: our config is the only source of the SDK’s auth settings', () => {
  const stray = { TEST_MODE: 'true', clientId: 'stray-app-id', CLIENTSECRET: 'stray', Connections__other__Settings__ClientId: 'stray-app-id', ConnectionsMap__0__Connection: 'other' };
  const saved: Record<string, string | undefined> = {};
  let entra: LocalEntra;
  let h: TeamsHarness;

  beforeAll(async () => {
    // TEST_MODE makes the SDK re-read process.env when auth settings are built, as it does at import time.
    for (const [k, v] of Object.entries(stray)) {
      saved[k] = process.env[k];
      process.env[k] = v;
    }
    entra = await startLocalEntra(TENANT);
    h = await startTeams({ TEAMS_ALLOW_ANONYMOUS: 'false', TEAMS_APP_ID: APP_ID, TEAMS_APP_PASSWORD: 'x-secret', TEAMS_TENANT_ID: TENANT, TEAMS_AUTHORITY: entra.authority });
  });
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    await h.close();
    await entra.close();
  });

  it('ignores stray SDK environment variables (clientId, Connections__…) and uses TEAMS_APP_ID', async () => {
    const ours = await h.post(expectReplies('help'), { authorization: `Bearer ${entra.token(claims(entra))}` });
    expect(ours.status).toBe(200);
    const theirs = await h.post(expectReplies('help'), { authorization: `Bearer ${entra.token(claims(entra, { aud: 'stray-app-id' }))}` });
    expect(theirs.status).toBe(401);
  });
});
