import { AEO_ID_PATTERN } from '@aeolus/contracts';

/** What a person may paste: a credential, the link from a certificate's QR code, or an AEO identifier. */
export type VerifyInput =
  | { kind: 'credential'; credential: string; aeoId?: string }
  | { kind: 'aeoId'; aeoId: string }
  | { kind: 'empty' }
  | { kind: 'unrecognised' };

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The AEO identifier in a `/verify/<aeoId>` path, if the path names one. */
export function aeoIdFromPath(pathname: string): string | undefined {
  const match = /\/verify\/([^/?#]+)/.exec(pathname);
  let candidate: string | undefined;
  try {
    candidate = match?.[1] ? decodeURIComponent(match[1]).toUpperCase() : undefined;
  } catch {
    return undefined; // a malformed %-escape names nothing
  }
  return candidate && AEO_ID_PATTERN.test(candidate) ? candidate : undefined;
}

/**
 * Reads what was pasted. A verification link gives its `c` parameter (and the identifier in its path);
 * spaces and line breaks inside a credential are dropped, since a credential copied out of an e-mail
 * or a PDF is often wrapped.
 */
export function parseVerifyInput(raw: string): VerifyInput {
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  if (/^https?:\/\//i.test(text) || text.startsWith('/verify')) {
    let url: URL;
    try {
      url = new URL(text, 'https://verify.invalid');
    } catch {
      return { kind: 'unrecognised' };
    }
    const aeoId = aeoIdFromPath(url.pathname);
    const credential = url.searchParams.get('c')?.replace(/\s+/g, '');
    if (credential && JWS.test(credential)) {
      return aeoId ? { kind: 'credential', credential, aeoId } : { kind: 'credential', credential };
    }
    if (credential) return { kind: 'unrecognised' };
    return aeoId ? { kind: 'aeoId', aeoId } : { kind: 'unrecognised' };
  }
  const compact = text.replace(/\s+/g, '');
  if (JWS.test(compact)) return { kind: 'credential', credential: compact };
  const upper = compact.toUpperCase();
  if (AEO_ID_PATTERN.test(upper) && upper.length <= 20) return { kind: 'aeoId', aeoId: upper };
  return { kind: 'unrecognised' };
}

/** The claims of an AEO credential the page displays (names in both languages, as the issuer wrote them). */
export interface CredentialClaims {
  holder?: { name?: string; legalName?: string; country?: string };
  programme?: { en?: string; fr?: string };
  category?: { code?: string; en?: string; fr?: string };
  validFrom?: string;
  validUntil?: string;
}

function base64UrlJson(segment: string): unknown {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/**
 * Reads the display claims of a credential. Call it only once the server has confirmed the signature
 * (a verdict naming an AEO identifier): before that, the claims are anyone's words, and the page never
 * shows a forged credential's claims as if they were facts.
 */
export function readCredentialClaims(credential: string): CredentialClaims {
  const payload = record(base64UrlJson(credential.split('.')[1] ?? ''));
  const subject = record(payload.credentialSubject);
  const holder = record(subject.holder);
  const programme = record(record(subject.programme).name);
  const category = record(subject.category);
  const categoryName = record(category.name);
  return {
    holder: { name: text(holder.name), legalName: text(holder.legalName), country: text(holder.country) },
    programme: { en: text(programme.en), fr: text(programme.fr) },
    category: { code: text(category.code), en: text(categoryName.en), fr: text(categoryName.fr) },
    validFrom: text(payload.validFrom),
    validUntil: text(payload.validUntil),
  };
}
