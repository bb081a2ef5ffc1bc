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
export function filingDeadline(c: Consignment, facts: ScreeningFacts): FilingDeadline | undefined {
  return deadlineOf(c, facts, millis(c.expectedDeparture), millis(c.expectedArrival));
}

function millis(iso: string | undefined): number {
  return iso === undefined ? Number.NaN : parseIsoMillis(iso);
}

function deadlineOf(
  c: Consignment,
  facts: ScreeningFacts,
  departure: number,
  arrival: number,
): FilingDeadline | undefined {
  if (c.dataset === 'placi') return { basis: 'departure', requiredHours: 0 };
  const mode = c.modeOfTransport;
  switch (mode) {
    case 'sea':
      if (facts.shortSeaVoyage === true) return { basis: 'arrival', requiredHours: 2 };
      return equipment(c).length > 0
        ? { basis: 'departure', requiredHours: 24 }
        : { basis: 'arrival', requiredHours: 4 };
    case 'air':
    case 'postal': {
      const flight = (arrival - departure) / HOUR;
      if (Number.isNaN(flight)) return undefined;
      return flight < 4 ? { basis: 'departure', requiredHours: 0 } : { basis: 'arrival', requiredHours: 4 };
    }
    case 'rail':
      return { basis: 'arrival', requiredHours: 2 };
    case 'road':
      return { basis: 'arrival', requiredHours: 1 };
    default:
      return mode satisfies never;
  }
}

export function transitHours(c: Consignment): number | undefined {
  const hours = (millis(c.expectedArrival) - millis(c.expectedDeparture)) / HOUR;
  return Number.isNaN(hours) ? undefined : hours;
}

/** Hours between filing and the deadline's reference event (departure or arrival). */
export function filingLeadHours(c: Consignment, facts: ScreeningFacts): number | undefined {
  const departure = millis(c.expectedDeparture);
  const arrival = millis(c.expectedArrival);
  const deadline = deadlineOf(c, facts, departure, arrival);
  if (deadline === undefined) return undefined;
  const lead = ((deadline.basis === 'departure' ? departure : arrival) - parseIsoMillis(c.filingTime)) / HOUR;
  return Number.isNaN(lead) ? undefined : lead;
}

/** Lead time minus the required lead time: negative means the filing was late. */
export function filingMarginHours(c: Consignment, facts: ScreeningFacts): number | undefined {
  const departure = millis(c.expectedDeparture);
  const arrival = millis(c.expectedArrival);
  const deadline = deadlineOf(c, facts, departure, arrival);
  if (deadline === undefined) return undefined;
  const lead = ((deadline.basis === 'departure' ? departure : arrival) - parseIsoMillis(c.filingTime)) / HOUR;
  return Number.isNaN(lead) ? undefined : lead - deadline.requiredHours;
}

function items(c: Consignment): readonly ConsignmentItem[] {
  return c.dataset === 'full' ? c.goodsItems : [];
}

/** Sum of item values when every item is stated in the same currency; undefined otherwise. */
export function totalValue(c: Consignment): number | undefined {
  const list = items(c);
  if (list.length === 0) return undefined;
  const currency = list[0]!.value.currency;
  let sum = 0;
  for (const item of list) {
    if (item.value.currency !== currency) return undefined;
    sum += item.value.amount;
  }
  return sum;
}

export function valueCurrency(c: Consignment): string | undefined {
  const list = items(c);
  if (list.length === 0) return undefined;
  const currency = list[0]!.value.currency;
  return list.every((item) => item.value.currency === currency) ? currency : undefined;
}

export function itemsGrossMassKg(c: Consignment): number | undefined {
  const list = items(c);
  if (list.length === 0) return undefined;
  let sum = 0;
  for (const item of list) sum += item.grossMassKg;
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
  for (const item of list) sum += item.packages.count;
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
  const ends = [loadingCountry(c), unloadingCountry(c)];
  return (c.routingCountries ?? []).filter((country) => !ends.includes(country));
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
  return c.dataset === 'full' ? (c.transportEquipment ?? []) : [];
}

export function sealCount(c: Consignment): number {
  let count = 0;
  for (const unit of equipment(c)) count += unit.seals.length;
  return count;
}

export function hasUnsealedContainer(c: Consignment): boolean {
  return equipment(c).some((unit) => unit.seals.length === 0);
}

export function containerHasSealAnomaly(unit: TransportEquipment): boolean {
  return unit.seals.some((seal) => seal.condition === 'damaged' || seal.condition === 'missing');
}

export function hasSealAnomaly(c: Consignment): boolean {
  return equipment(c).some(containerHasSealAnomaly);
}

export function aeoIds(party: ConsignmentParty | undefined): string[] {
  return (party?.identifiers ?? []).filter((id) => id.scheme === 'AEO').map((id) => id.value);
}

export function eori(party: ConsignmentParty | undefined): string | undefined {
  return party?.identifiers?.find((id) => id.scheme === 'EORI')?.value;
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
