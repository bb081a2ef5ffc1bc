import { hkdfSync } from 'node:crypto';
import { type AppConfig, decryptSecret, encryptSecret, type OidcIdentity, oidcRefusal } from '@aeolus/core';
import * as client from 'openid-client';

/** How long a browser may take at the provider between leaving and coming back. */
export const OIDC_TRANSACTION_TTL_SECONDS = 600;

/** The per-attempt secrets the callback needs, sealed into a short-lived cookie (no server state). */
interface Transaction {
  verifier: string;
  state: string;
  nonce: string;
  expiresAt: number;
}

export interface OidcRelyingParty {
  /** The provider's authorization URL and the sealed transaction to keep in a cookie until the callback. */
  beginLogin(): Promise<{ url: URL; transaction: string }>;
  /**
   * Validates the provider's answer at our redirect URI (`search` is its query string) against the
   * sealed transaction: state, PKCE verifier, ID-token signature, issuer, audience, expiry and nonce.
   * Throws an AppError carrying an OidcRefusal reason.
   */
  finishLogin(search: string, sealedTransaction: string | undefined): Promise<OidcIdentity>;
}

type OidcConfig = NonNullable<AppConfig['oidc']>;

/**
 * OpenID Connect authorization-code flow with PKCE (RFC 7636), state and nonce, on `openid-client`.
 * Discovery happens on the first sign-in, not at start-up, so that the API serves even while the
 * identity provider is unreachable; a failed discovery is retried on the next attempt.
 */
export function createOidcRelyingParty(oidc: OidcConfig, keyEncryptionKey: Buffer): OidcRelyingParty {
  // A key of its own, derived from the key-encryption key, so that cookies and stored secrets never share one.
  const cookieKey = Buffer.from(hkdfSync('sha256', keyEncryptionKey, '', 'aeolus/oidc-transaction/v1', 32));
  let discovered: Promise<client.Configuration> | undefined;

  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        undefined,
        // client_secret_basic is OpenID Connect's default; without a secret the client is public (PKCE only).
        oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
        {
          timeout: 10,
          ...(oidc.allowInsecure ? { execute: [client.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  const seal = (t: Transaction) => encryptSecret(cookieKey, JSON.stringify(t));
  const unseal = (sealed: string | undefined): Transaction | undefined => {
    if (!sealed) return undefined;
    try {
      const t = JSON.parse(decryptSecret(cookieKey, sealed)) as Transaction;
      return t.expiresAt > Date.now() ? t : undefined;
    } catch {
      return undefined; // forged, truncated or sealed with another key
    }
  };

  return {
    async beginLogin() {
      const config = await configuration();
      const transaction: Transaction = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        expiresAt: Date.now() + OIDC_TRANSACTION_TTL_SECONDS * 1000,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: oidc.redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(transaction.verifier),
        code_challenge_method: 'S256',
        state: transaction.state,
        nonce: transaction.nonce,
      });
      return { url, transaction: seal(transaction) };
    },

    async finishLogin(search, sealedTransaction) {
      const params = new URLSearchParams(search);
      const transaction = unseal(sealedTransaction);
      if (!transaction) {
        throw oidcRefusal('OIDC_STATE_INVALID', 'The sign-in took too long or was not started here');
      }
      if (params.get('state') !== transaction.state) {
        throw oidcRefusal('OIDC_STATE_INVALID', 'The answer does not belong to the sign-in started here');
      }
      if (params.has('error')) {
        throw oidcRefusal('OIDC_DENIED', `The identity provider refused: ${params.get('error')}`);
      }
      const config = await configuration();
      // The URL is rebuilt from configuration, never from the Host header, which a client controls.
      const current = new URL(oidc.redirectUri);
      current.search = params.toString();
      try {
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: transaction.verifier,
          expectedState: transaction.state,
          expectedNonce: transaction.nonce,
          idTokenExpected: true,
        });
        const claims = tokens.claims()!;
        let { email, email_verified: emailVerified } = claims as {
          email?: unknown;
          email_verified?: unknown;
        };
        // Providers that follow the spec strictly put scope claims in UserInfo only, not in the ID token.
        if (typeof email !== 'string' && tokens.access_token) {
          const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
          email = info.email;
          emailVerified = info.email_verified;
        }
        return {
          issuer: claims.iss,
          subject: claims.sub,
          email: typeof email === 'string' ? email : undefined,
          emailVerified: emailVerified === true,
        };
      } catch (error) {
        throw oidcRefusal('OIDC_FAILED', `The identity provider's answer was not accepted: ${String(error)}`);
      }
    },
  };
}
