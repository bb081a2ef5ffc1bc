import type { CoreContext } from '../context.js';
import { AppError } from '../errors.js';
import { type RequestMeta, type StartedSession, startSession } from './auth.service.js';
import * as repo from './identity.repository.js';

/** What the relying party learnt from a validated ID token (and the UserInfo endpoint). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string;
  /** Only `true` counts: an address the provider has not verified proves nothing about who signs in. */
  emailVerified?: boolean;
}

/** Why an OpenID Connect sign-in was refused; the web page shows a message for each. */
export const OIDC_REFUSALS = [
  'OIDC_EMAIL_UNVERIFIED',
  'OIDC_ACCOUNT_UNKNOWN',
  'OIDC_STATE_INVALID',
  'OIDC_DENIED',
  'OIDC_FAILED',
] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export function oidcRefusal(reason: OidcRefusal, message: string): AppError {
  return new AppError('FORBIDDEN', message, { reason });
}

/**
 * Opens a session for a person the identity provider vouched for. Accounts are not created here: an
 * administration invites its people first (users must already exist), and the provider's verified email
 * address is matched against theirs. A disabled account or one without any membership is refused the
 * same way as an unknown one.
 */
export async function signInWithOidc(
  ctx: CoreContext,
  identity: OidcIdentity,
  meta: RequestMeta = {},
): Promise<StartedSession> {
  const email = identity.email?.trim().toLowerCase();
  if (!email || identity.emailVerified !== true) {
    throw oidcRefusal(
      'OIDC_EMAIL_UNVERIFIED',
      'The identity provider did not confirm a verified email address for this account',
    );
  }
  const user = await repo.findUserByEmail(ctx.db, email);
  const memberships = user && !user.disabledAt ? await repo.listMemberships(ctx.db, user.id) : [];
  const first = memberships[0];
  if (!user || !first) {
    throw oidcRefusal(
      'OIDC_ACCOUNT_UNKNOWN',
      `No active Aeolus account uses ${email}; ask an administrator of your organisation to add you`,
    );
  }
  return startSession(ctx, { userId: user.id, organisationId: first.organisationId, method: 'oidc', meta });
}
