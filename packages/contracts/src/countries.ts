import countries from 'i18n-iso-countries';
import type { z } from 'zod';
import { CountryCode } from './common.js';

/** True for an assigned ISO 3166-1 alpha-2 code (the list kept by `i18n-iso-countries`). */
export function isAssignedCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** An assigned ISO 3166-1 alpha-2 country code; `XX` and other unassigned pairs are refused. */
export const AssignedCountryCode = CountryCode.refine(isAssignedCountryCode, {
  message: 'is not an assigned ISO 3166-1 alpha-2 country code',
});
export type AssignedCountryCode = z.infer<typeof AssignedCountryCode>;
