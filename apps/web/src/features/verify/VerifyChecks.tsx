import type { AeoCredentialVerification, PublicAeoCertificate } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { ApiError } from '../../lib/api.js';
import { errorMessage } from '../../lib/errors.js';
import { countryName, formatDate } from '../../lib/format.js';
import { useLiveCheck } from '../../lib/use-live-check.js';
import { type Fact, VerdictCard } from './VerdictCard.js';
import { credentialVerdict, reasonKey, registerVerdict } from './verdict.js';
import { verifyApi } from './verify-api.js';
import { readCredentialClaims } from './verify-input.js';

/** Re-check period: a suspension shows within this long of being committed, at one cheap request. */
export const RECHECK_SECONDS = 5;

/** A credential the server refused to read at all (e.g. a `c` parameter that is not a JWS). */
const MALFORMED: AeoCredentialVerification = {
  valid: false,
  status: null,
  aeoId: null,
  issuer: null,
  reason: 'not a compact JWS',
};

function FailedRecheck({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert tone="warning" title={t('verify.live.failedTitle')}>
      <p>
        {errorMessage(t, error, i18n.language)} {t('verify.live.failedKept')}
      </p>
    </Alert>
  );
}

/** Verifies a signed credential, then again every few seconds while the page is open. */
export function CredentialCheck({ credential, linkedAeoId }: { credential: string; linkedAeoId?: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const check = useLiveCheck(
    async (signal) => {
      try {
        return await verifyApi.verify(credential, signal);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') return MALFORMED;
        throw error;
      }
    },
    credential,
    RECHECK_SECONDS * 1000,
  );
  const verification = check.data;
  if (!verification) {
    return check.error ? (
      <LoadError title={t('verify.live.loadFailed')} error={check.error} />
    ) : (
      <Loading label={t('verify.checking')} block />
    );
  }

  const verdict = credentialVerdict(verification);
  // Claims are shown only once the server has proven the signature (it then names the AEO identifier).
  const genuine = verification.aeoId !== null;
  const claims = genuine ? readCredentialClaims(credential) : undefined;
  const facts: Fact[] = [];
  if (genuine && claims) {
    const holder = claims.holder?.legalName ?? claims.holder?.name;
    const category = claims.category?.[language] ?? claims.category?.en;
    facts.push(
      { label: t('verify.facts.aeoId'), value: <code>{verification.aeoId}</code>, testId: 'verify-aeo-id' },
      {
        label: t('verify.facts.holder'),
        value: [holder, countryName(claims.holder?.country, language)].filter(Boolean).join(' · '),
        testId: 'verify-holder',
      },
      {
        label: t('verify.facts.programme'),
        value: claims.programme?.[language] ?? claims.programme?.en ?? '',
        testId: 'verify-programme',
      },
      {
        label: t('verify.facts.category'),
        value: [category, claims.category?.code ? `(${claims.category.code})` : ''].filter(Boolean).join(' '),
        testId: 'verify-category',
      },
      {
        label: t('verify.facts.validFrom'),
        value: formatDate(claims.validFrom, language),
        testId: 'verify-valid-from',
      },
      {
        label: t('verify.facts.validUntil'),
        value: claims.validUntil ? formatDate(claims.validUntil, language) : t('verify.facts.openEnded'),
        testId: 'verify-valid-until',
      },
      { label: t('verify.facts.issuer'), value: verification.issuer?.name ?? '', testId: 'verify-issuer' },
    );
  }
  const mismatch = genuine && linkedAeoId && linkedAeoId !== verification.aeoId;
  return (
    <>
      {mismatch ? (
        <div data-testid="verify-mismatch">
          <Alert
            tone="warning"
            title={t('verify.mismatch', { linked: linkedAeoId, actual: verification.aeoId })}
          />
        </div>
      ) : null}
      <VerdictCard
        verdict={verdict}
        headline={t(`verify.verdict.${verdict}`)}
        text={t(`verify.verdict.${verdict}Text`, { date: formatDate(claims?.validFrom, language) })}
        status={verification.status}
        reason={
          verdict === 'valid'
            ? undefined
            : {
                // A suspended or revoked certificate is explained by its status, even when its dates
                // would also fail (the server reports the first check that fails).
                key:
                  verdict === 'suspended' || verdict === 'revoked' ? verdict : reasonKey(verification.reason),
                raw: verification.reason ?? '',
              }
        }
        facts={facts}
        live={{
          checkedAt: check.checkedAt,
          checking: check.checking,
          intervalSeconds: RECHECK_SECONDS,
          checkAgain: check.checkAgain,
        }}
      >
        {check.error ? <FailedRecheck error={check.error} /> : null}
      </VerdictCard>
    </>
  );
}

type Lookup = { found: true; entry: PublicAeoCertificate } | { found: false };

/** Shows the public register entry of an AEO identifier, re-read every few seconds. */
export function RegisterCheck({ aeoId }: { aeoId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'fr' ? 'fr' : 'en';
  const check = useLiveCheck<Lookup>(
    async (signal) => {
      try {
        return { found: true, entry: await verifyApi.lookUp(aeoId, signal) };
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NOT_FOUND') return { found: false };
        throw error;
      }
    },
    aeoId,
    RECHECK_SECONDS * 1000,
  );
  const live = {
    checkedAt: check.checkedAt,
    checking: check.checking,
    intervalSeconds: RECHECK_SECONDS,
    checkAgain: check.checkAgain,
  };
  const lookup = check.data;
  if (!lookup) {
    return check.error ? (
      <LoadError title={t('verify.live.loadFailed')} error={check.error} />
    ) : (
      <Loading label={t('verify.checking')} block />
    );
  }
  if (!lookup.found) {
    return (
      <VerdictCard
        verdict="notFound"
        headline={t('verify.verdict.notFound')}
        text={t('verify.verdict.notFoundText')}
        status={null}
        facts={[{ label: t('verify.facts.aeoId'), value: <code>{aeoId}</code>, testId: 'verify-aeo-id' }]}
        live={live}
      />
    );
  }
  const { entry } = lookup;
  const verdict = registerVerdict(entry.status);
  const TEXT = {
    registerActive: 'verify.verdict.registerActiveText',
    suspended: 'verify.verdict.registerSuspendedText',
    revoked: 'verify.verdict.registerRevokedText',
  } as const;
  return (
    <VerdictCard
      verdict={verdict}
      headline={t(`verify.verdict.${verdict}`)}
      text={t(TEXT[verdict])}
      status={entry.status}
      facts={[
        { label: t('verify.facts.aeoId'), value: <code>{entry.aeoId}</code>, testId: 'verify-aeo-id' },
        { label: t('verify.facts.holder'), value: entry.holder, testId: 'verify-holder' },
        {
          label: t('verify.facts.country'),
          value: countryName(entry.country, language),
          testId: 'verify-country',
        },
        { label: t('verify.facts.programme'), value: entry.programme, testId: 'verify-programme' },
        { label: t('verify.facts.category'), value: entry.category, testId: 'verify-category' },
        {
          label: t('verify.facts.validFrom'),
          value: formatDate(entry.validFrom, language),
          testId: 'verify-valid-from',
        },
        {
          label: t('verify.facts.validUntil'),
          value: entry.validUntil ? formatDate(entry.validUntil, language) : t('verify.facts.openEnded'),
          testId: 'verify-valid-until',
        },
      ]}
      live={live}
    >
      <p className="muted">{t('verify.register.note')}</p>
      {check.error ? <FailedRecheck error={check.error} /> : null}
    </VerdictCard>
  );
}
