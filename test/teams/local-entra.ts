import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalEntra {
  /** Use as TEAMS_AUTHORITY: the SDK fetches signing keys from `${authority}/discovery/v2.0/keys`. */
  authority: string;
  issuer: string;
  /** Signs a token with this authority's key (or with `otherKey`, a key the JWKS does not list). */
  token(claims: Record<string, unknown>, options?: { otherKey?: boolean }): string;
  keyFetches: number;
  close(): Promise<void>;
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(claims));
  return `${head}.${body}.${b64url(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
}

/**
 * A loopback stand-in for the Entra signing-key endpoint: RS256 keys generated here, published
 * as a JWKS, so the SDK's real token verification runs against tokens we sign. `hang` makes the
 * endpoint accept connections and never answer.
 */
let keys: { publicKey: KeyObject; privateKey: KeyObject; other: KeyObject } | undefined;

/** RSA key generation is slow on a busy machine: one pair (and one stranger) per test file. */
function testKeys() {
  keys ??= { ...generateKeyPairSync('rsa', { modulusLength: 2048 }), other: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey };
  return keys;
}

export async function startLocalEntra(tenantId: string, options: { hang?: boolean } = {}): Promise<LocalEntra> {
  const { publicKey, privateKey, other } = testKeys();
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' };
  const state = { keyFetches: 0 };
  const server: Server = createServer((req, res) => {
    if (options.hang) return;
    if (req.url === `/${tenantId}/discovery/v2.0/keys`) {
      state.keyFetches++;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${tenantId}`;
  return {
    authority,
    issuer: `${authority}/v2.0`,
    token: (claims, o = {}) => signJwt(claims, o.otherKey ? other : privateKey, kid),
    get keyFetches() {
      return state.keyFetches;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
