import { z } from 'zod';
import { isAssignedCountryCode } from '../countries.js';
import { isIso4217Currency } from './currencies.js';

/**
 * Code lists and identifier formats of advance cargo data. Each check is the published one (IATA AWB
 * check digit, ISO 6346 container check digit, UPU S10 item check digit, UN/LOCODE), so a typo is refused at
 * filing rather than surfacing later as a risk hit on a consignment that cannot be matched to anything.
 */

/** UN/LOCODE: ISO 3166-1 country + 3 characters from A-Z and 2-9 (UNECE Recommendation 16). */
export function isUnLocode(code: string): boolean {
  return /^[A-Z]{2}[A-Z2-9]{3}$/.test(code) && isAssignedCountryCode(code.slice(0, 2));
}

export const UnLocode = z
  .string()
  .regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'must be a UN/LOCODE such as NLRTM (country + 3 characters A-Z, 2-9)')
  .refine((code) => isAssignedCountryCode(code.slice(0, 2)), {
    message: 'does not start with an assigned ISO 3166-1 country code',
  });

/** HS chapters 01-97 exist; chapter 77 is reserved for future use by the WCO Harmonized System. */
export function isHsChapter(chapter: number): boolean {
  return chapter >= 1 && chapter <= 97 && chapter !== 77;
}

/**
 * Commodity code: the 6-digit HS subheading, optionally extended to 8 or 10 national digits. ICS2 release 2
 * and 3 require at least 6 digits in the entry summary declaration.
 */
export const HsCode = z
  .string()
  .regex(/^\d{6}(\d{2}){0,2}$/, 'must be an HS code of 6, 8 or 10 digits')
  .refine((code) => isHsChapter(Number(code.slice(0, 2))), {
    message: 'does not start with an HS chapter (01-97, 77 is reserved)',
  });

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as EUR')
  .refine(isIso4217Currency, { message: 'is not an ISO 4217 currency in circulation' });

/** IATA air waybill: 3-digit airline prefix + 7-digit serial + check digit (serial mod 7). */
export function isAirWaybillNumber(value: string): boolean {
  const match = /^(\d{3})-?(\d{7})(\d)$/.exec(value);
  if (!match) return false;
  return Number(match[2]) % 7 === Number(match[3]);
}

const ISO6346_LETTER_VALUES: Record<string, number> = {};
{
  // A=10 and upwards, skipping 11 and its multiples (ISO 6346 Annex A).
  let value = 10;
  for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (value % 11 === 0) value += 1;
    ISO6346_LETTER_VALUES[letter] = value;
    value += 1;
  }
}

/** ISO 6346 freight container code: owner (3 letters), category U/J/Z/R, 6-digit serial, check digit. */
export function isContainerNumber(value: string): boolean {
  if (!/^[A-Z]{3}[UJZR]\d{7}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = value[i]!;
    const digit = i < 4 ? ISO6346_LETTER_VALUES[ch]! : Number(ch);
    sum += digit * 2 ** i;
  }
  return (sum % 11) % 10 === Number(value[10]);
}

/** UPU S10 postal item identifier, e.g. RR123456785NL (weights 8 6 4 2 3 5 9 7). */
export function isUpuItemId(value: string): boolean {
  const match = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(value);
  if (!match) return false;
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const digits = match[1]!;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * weights[i]!;
  let check = 11 - (sum % 11);
  if (check === 10) check = 0;
  if (check === 11) check = 5;
  return check === Number(match[2]);
}

/** Free-text identifier of WCO format an..35 (UCR, B/L, house AWB, conveyance reference). */
export const An35 = z
  .string()
  .trim()
  .min(1)
  .max(35)
  .regex(/^[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?$/, 'must be printable ASCII');
