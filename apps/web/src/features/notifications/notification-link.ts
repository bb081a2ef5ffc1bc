import type { Notification, OrganisationKind } from '@aeolus/contracts';

const CASE = /^\/aeo\/applications\/([0-9a-f-]{36})$/;

/**
 * Where a notification's link opens in the web app. The AEO services link a case as
 * `/aeo/applications/<id>` (the resource, whoever reads it); the operator opens its case under
 * `/operator/aeo-status/<id>` and the administration under `/aeo/validation/<id>`. Anything else that
 * is a path inside the app is used as it is; an absolute or odd link is not followed.
 */
export function notificationTarget(
  link: Notification['link'],
  organisationKind: OrganisationKind,
): string | undefined {
  if (!link?.startsWith('/') || link.startsWith('//')) return undefined;
  const aeoCase = CASE.exec(link);
  if (aeoCase) {
    if (organisationKind === 'economic_operator') return `/operator/aeo-status/${aeoCase[1]}`;
    if (organisationKind === 'customs_administration') return `/aeo/validation/${aeoCase[1]}`;
    return undefined;
  }
  return link;
}

/** The title and body in the reader's language (both are stored in English and French). */
export function localised(text: { en: string; fr: string }, language: string): string {
  return language === 'fr' ? text.fr || text.en : text.en || text.fr;
}
