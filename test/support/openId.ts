import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OpenIdServer {
  /** For ToBotFromChannelOpenIdMetadataUrl. */
  readonly metadataUrl: string;
  readonly keyId: string;
  close(): Promise<void>;
}

/**
 * Publishes an RSA signing key the way the Bot Framework's login service does (OpenID metadata
 * and JWKS, endorsed for Teams), so token validation runs for real on a machine with no internet.
 */
export async function startOpenIdServer(publicKey: KeyObject, keyId: string): Promise<OpenIdServer> {
  const jwk = publicKey.export({ format: 'jwk' });
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.url === '/keys'
          ? { keys: [{ kty: 'RSA', use: 'sig', kid: keyId, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }
          : { issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    keyId,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const rsaKeyPair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A channel token as the Bot Connector would send it, signed with `privateKey`. */
export function channelToken(privateKey: KeyObject, keyId: string, claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid: keyId })}.${encode({
    iss: 'https://api.botframework.com',
    nbf: now - 60,
    exp: now + 3600,
    ...claims,
  })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}
