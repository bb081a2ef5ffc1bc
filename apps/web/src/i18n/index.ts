import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, fr } from './bundles.js';

/** English and French first: the WCO's two working languages. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, for the switch (a French reader looks for "Français", not "French"). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

const STORAGE_KEY = 'aeolus.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    nsSeparator: false;
    resources: { translation: typeof en };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined; // storage disabled (private mode, policy): fall back to the browser's languages
  }
}

function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // Keys such as `permissions.audit:read` contain colons: there is one namespace, so no separator.
  nsSeparator: false,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

function reflect(language: string) {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted; the profile locale still carries the choice for signed-in users
  }
}

reflect(i18n.language);
i18n.on('languageChanged', reflect);

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/**
 * A language picked on the sign-in page is an explicit choice: it is kept through sign-in (and a reload
 * of the page, hence session storage) and saved to the profile, rather than being overridden by the
 * profile's older preference.
 */
const CHOICE_KEY = 'aeolus.language-choice';

export function rememberExplicitChoice(language: Language): void {
  try {
    window.sessionStorage.setItem(CHOICE_KEY, language);
  } catch {
    // without storage the choice still applies to this page; it is just not carried into the profile
  }
}

export function takeExplicitChoice(): Language | undefined {
  try {
    const choice = window.sessionStorage.getItem(CHOICE_KEY);
    window.sessionStorage.removeItem(CHOICE_KEY);
    return isLanguage(choice) ? choice : undefined;
  } catch {
    return undefined;
  }
}

export { i18n };
