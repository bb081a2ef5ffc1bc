import type {
  Consignment,
  ConsignmentItem,
  ConsignmentParty,
  ScreeningFacts,
  TransportEquipment,
} from '@aeolus/contracts';
import { parseIsoMillis } from './time.js';

/**
 * Derived facts: values computed from a consignment that risk indicators are written against (DOMAIN.md §7
 * "typical indicators"). Each returns `undefined` when the data needed is absent, and every comparison on
 * an absent value is false, so a rule never fires on data the filer did not give.
 */

const HOUR = 3_600_000;

export interface FilingDeadline {
  /** The event the deadline is counted back from. */
  basis: 'departure' | 'arrival';
  /** Hours before that event by which the entry summary must be lodged. */
  requiredHours: number;
}

/**
 * EU ENS lodgement deadlines (Delegated Regulation (EU) 2015/2447 Art. 106, as summarised in DOMAIN.md §7):
 * sea containers 24 h before loading, bulk 4 h and short-sea 2 h before arrival; air short haul (under 4 h
 * of flight) by departure, long haul 4 h before arrival; rail 2 h and road 1 h before arrival. PLACI data are
 * due before loading, i.e. by departure; postal consignments travel as air cargo.
 */
export function filingDeadline(
  c: Consignment,
  facts: ScreeningFacts,
  times: Schedule = schedule(c),
): FilingDeadline | undefined {
  return deadlineOf(c, facts, times);
}

/**
 * The consignment's timestamps in epoch milliseconds (NaN when absent or unreadable), each parsed when first
 * read. Several derived facts need them; the compiled engine makes one schedule per consignment and passes
 * it on, so that each timestamp is parsed at most once.
 */
export class Schedule {
  private departureMs: number | undefined;
  private arrivalMs: number | undefined;
  private filingMs: number | undefined;
  constructor(private readonly c: Consignment) {}
  get departure(): number {
    if (this.departureMs === undefined) this.departureMs = millis(this.c.expectedDeparture);
    return this.departureMs;
  }
  get arrival(): number {
    if (this.arrivalMs === undefined) this.arrivalMs = millis(this.c.expectedArrival);
    return this.arrivalMs;
  }
  get filing(): number {
    if (this.filingMs === undefined) this.filingMs = millis(this.c.filingTime);
    return this.filingMs;
  }
}

export function schedule(c: Consignment): Schedule {
  return new Schedule(c);
}

function millis(iso: string | undefined): number {
  return typeof iso === 'string' ? parseIsoMillis(iso) : Number.NaN;
}

function deadlineOf(c: Consignment, facts: ScreeningFacts, times: Schedule): FilingDeadline | undefined {
  if (c.dataset === 'placi') return PLACI_DEADLINE;
  const mode = c.modeOfTransport;
  switch (mode) {
    case 'sea':
      if (facts.shortSeaVoyage === true) return SHORT_SEA;
      return equipment(c).length > 0 ? SEA_CONTAINER : SEA_BULK;
    case 'air':
    case 'postal': {
      const flight = (times.arrival - times.departure) / HOUR;
      if (Number.isNaN(flight)) return undefined;
      return flight < 4 ? AIR_SHORT_HAUL : AIR_LONG_HAUL;
    }
    case 'rail':
      return RAIL;
    case 'road':
      return ROAD;
    default:
      return mode satisfies never;
  }
}

// Shared and frozen: a deadline is looked up for every screened consignment.
const PLACI_DEADLINE: FilingDeadline = Object.freeze({ basis: 'departure', requiredHours: 0 });
const SHORT_SEA: FilingDeadline = Object.freeze({ basis: 'arrival', requiredHours: 2 });
const SEA_CONTAINER: FilingDeadline = Object.freeze({ basis: 'departure', requiredHours: 24 });
const SEA_BULK: FilingDeadline = Object.freeze({ basis: 'arrival', requiredHours: 4 });
const AIR_SHORT_HAUL: FilingDeadline = Object.freeze({ basis: 'departure', requiredHours: 0 });
const AIR_LONG_HAUL: FilingDeadline = Object.freeze({ basis: 'arrival', requiredHours: 4 });
const RAIL: FilingDeadline = Object.freeze({ basis: 'arrival', requiredHours: 2 });
const ROAD: FilingDeadline = Object.freeze({ basis: 'arrival', requiredHours: 1 });

export function transitHours(c: Consignment, times: Schedule = schedule(c)): number | undefined {
  const hours = (times.arrival - times.departure) / HOUR;
  return Number.isNaN(hours) ? undefined : hours;
}

/** Hours between filing and the deadline's reference event (departure or arrival). */
export function filingLeadHours(
  c: Consignment,
  facts: ScreeningFacts,
  times: Schedule = schedule(c),
): number | undefined {
  const deadline = deadlineOf(c, facts, times);
  if (deadline === undefined) return undefined;
  const lead = ((deadline.basis === 'departure' ? times.departure : times.arrival) - times.filing) / HOUR;
  return Number.isNaN(lead) ? undefined : lead;
}

/** Lead time minus the required lead time: negative means the filing was late. */
export function filingMarginHours(
  c: Consignment,
  facts: ScreeningFacts,
  times: Schedule = schedule(c),
): number | undefined {
  const deadline = deadlineOf(c, facts, times);
  if (deadline === undefined) return undefined;
  const lead = ((deadline.basis === 'departure' ? times.departure : times.arrival) - times.filing) / HOUR;
  return Number.isNaN(lead) ? undefined : lead - deadline.requiredHours;
}

/** Returned for absent lists instead of a fresh array per call (derived facts are computed per screening). */
const NONE: readonly never[] = Object.freeze([]);

function items(c: Consignment): readonly ConsignmentItem[] {
  return c.dataset === 'full' ? c.goodsItems : NONE;
}

/** Sum of item values when every item is stated in the same currency; undefined otherwise. */
export function totalValue(c: Consignment): number | undefined {
  const list = items(c);
  if (list.length === 0) return undefined;
  const currency = list[0]!.value.currency;
  let sum = 0;
  for (let i = 0; i < list.length; i++) {
    const value = list[i]!.value;
    if (value.currency !== currency) return undefined;
    sum += value.amount;
  }
  return sum;
}

export function valueCurrency(c: Consignment): string | undefined {
  const list = items(c);
  if (list.length === 0) return undefined;
  const currency = list[0]!.value.currency;
  for (let i = 1; i < list.length; i++) if (list[i]!.value.currency !== currency) return undefined;
  return currency;
}

export function itemsGrossMassKg(c: Consignment): number | undefined {
  const list = items(c);
  if (list.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < list.length; i++) sum += list[i]!.grossMassKg;
  return sum;
}

/** The declared total gross mass, or the sum over items when no total was declared. */
export function grossMassKg(c: Consignment): number | undefined {
  return c.totalGrossMassKg ?? itemsGrossMassKg(c);
}

export function packageCount(c: Consignment): number | undefined {
  if (c.totalPackages !== undefined) return c.totalPackages;
  const list = items(c);
  if (list.length === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < list.length; i++) sum += list[i]!.packages.count;
  return sum;
}

export function valuePerKg(c: Consignment): number | undefined {
  const value = totalValue(c);
  const mass = itemsGrossMassKg(c);
  return value === undefined || mass === undefined ? undefined : value / mass;
}

/** "Documents that disagree": the declared total mass against the sum of the items, in percent. */
export function massDiscrepancyPct(c: Consignment): number | undefined {
  const sum = itemsGrossMassKg(c);
  if (c.dataset !== 'full' || c.totalGrossMassKg === undefined || sum === undefined) return undefined;
  return (Math.abs(c.totalGrossMassKg - sum) / sum) * 100;
}

export function loadingCountry(c: Consignment): string | undefined {
  return c.placeOfLoading?.slice(0, 2);
}

export function unloadingCountry(c: Consignment): string | undefined {
  return c.placeOfUnloading?.slice(0, 2);
}

/** Countries passed through between loading and unloading (the routing less both ends). */
export function transitCountries(c: Consignment): string[] {
  const routing = c.routingCountries ?? NONE;
  const out: string[] = [];
  for (let i = 0; i < routing.length; i++) {
    const country = routing[i]!;
    if (!isCountryOf(country, c.placeOfLoading) && !isCountryOf(country, c.placeOfUnloading))
      out.push(country);
  }
  return out;
}

/** `country === place?.slice(0, 2)`, without cutting a string per routing country. */
function isCountryOf(country: string, place: string | undefined): boolean {
  if (typeof place !== 'string' || typeof country !== 'string') return country === place?.slice(0, 2);
  const length = place.length < 2 ? place.length : 2;
  if (country.length !== length) return false;
  for (let k = 0; k < length; k++) if (country.charCodeAt(k) !== place.charCodeAt(k)) return false;
  return true;
}

export function descriptions(c: Consignment): string[] {
  return c.dataset === 'full' ? c.goodsItems.map((item) => item.description) : [c.goodsDescription];
}

export function hsCodes(c: Consignment): string[] {
  return items(c).map((item) => item.hsCode);
}

export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    const space = ch === 32 || (ch >= 9 && ch <= 13) || ch === 160;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

export function minDescriptionWords(c: Consignment): number {
  if (c.dataset === 'placi') return wordCount(c.goodsDescription);
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < c.goodsItems.length; i++) {
    const words = wordCount(c.goodsItems[i]!.description);
    if (words < min) min = words;
  }
  return min;
}

export function equipment(c: Consignment): readonly TransportEquipment[] {
  return c.dataset === 'full' ? (c.transportEquipment ?? NONE) : NONE;
}

export function sealCount(c: Consignment): number {
  let count = 0;
  const list = equipment(c);
  for (let i = 0; i < list.length; i++) count += list[i]!.seals.length;
  return count;
}

export function hasUnsealedContainer(c: Consignment): boolean {
  const list = equipment(c);
  for (let i = 0; i < list.length; i++) if (list[i]!.seals.length === 0) return true;
  return false;
}

export function containerHasSealAnomaly(unit: TransportEquipment): boolean {
  const seals = unit.seals;
  for (let i = 0; i < seals.length; i++) {
    const condition = seals[i]!.condition;
    if (condition === 'damaged' || condition === 'missing') return true;
  }
  return false;
}

export function hasSealAnomaly(c: Consignment): boolean {
  const list = equipment(c);
  for (let i = 0; i < list.length; i++) if (containerHasSealAnomaly(list[i]!)) return true;
  return false;
}

export function aeoIds(party: ConsignmentParty | undefined): string[] {
  return (party?.identifiers ?? []).filter((id) => id.scheme === 'AEO').map((id) => id.value);
}

export function eori(party: ConsignmentParty | undefined): string | undefined {
  const ids = party?.identifiers;
  if (!ids) return undefined;
  for (let i = 0; i < ids.length; i++) if (ids[i]!.scheme === 'EORI') return ids[i]!.value;
  return undefined;
}

function declaresAeo(party: ConsignmentParty): boolean {
  const ids = party.identifiers;
  if (ids === undefined) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i]!.scheme === 'AEO') return true;
  return false;
}

export function hasAeoParty(c: Consignment): boolean {
  return declaresAeo(c.consignor) || declaresAeo(c.consignee);
}

export function itemValuePerKg(item: ConsignmentItem): number {
  return item.value.amount / item.grossMassKg;
}
