import { z } from 'zod';

/**
 * The six WCO regions (the regional structure of the WCO Council) and the region of each Member
 * administration, by ISO 3166-1 alpha-2 code. Used to group SAFE assessment results; a country not listed
 * has no region (its results count globally only).
 */
export const WCO_REGION_IDS = [
  'americas_caribbean',
  'asia_pacific',
  'europe',
  'east_southern_africa',
  'west_central_africa',
  'mena',
] as const;
export const WcoRegion = z.enum(WCO_REGION_IDS);
export type WcoRegion = z.infer<typeof WcoRegion>;

const MEMBERS: Record<WcoRegion, string> = {
  americas_caribbean:
    'AG AR BS BB BZ BM BO BR CA CL CO CR CU CW DM DO EC SV GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE AW',
  asia_pacific:
    'AF AU BD BT BN KH CN FJ HK IN ID JP KI KR LA MO MY MV MN MM NP NZ PK PG PH WS SG SB LK TH TL TO TV VU VN FM NR',
  europe:
    'AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT KZ XK KG LV LT LU MT MD ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB UZ',
  east_southern_africa: 'AO BW KM CD ER SZ ET KE LS MG MW MU MZ NA RW SC SO SS ZA SD TZ UG ZM ZW',
  west_central_africa: 'BJ BF BI CM CV CF TD CG CI GQ GA GM GH GN GW LR ML MR NE NG ST SN SL TG',
  mena: 'DZ BH DJ EG IR IQ JO KW LB LY MA OM PS QA SA SY TN AE YE',
};

export const WCO_REGION_BY_COUNTRY: ReadonlyMap<string, WcoRegion> = new Map(
  WCO_REGION_IDS.flatMap((region) => MEMBERS[region].split(' ').map((cc) => [cc, region] as const)),
);

/** The WCO region of a Member's country code, or null when the code is not a listed Member. */
export function wcoRegionOf(countryCode: string): WcoRegion | null {
  return WCO_REGION_BY_COUNTRY.get(countryCode.toUpperCase()) ?? null;
}
