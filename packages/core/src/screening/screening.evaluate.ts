import { randomUUID } from 'node:crypto';
import type {
  AeoFact,
  ConsignmentParty,
  ScreeningExplanation,
  ScreeningFacts,
  ScreeningPolicySettings,
} from '@aeolus/contracts';
import { derivedFacts } from '@aeolus/risk-engine';
import type { AeoRegisterEntry } from '../aeo/index.js';
import { declaredAeoIds, partyKey, type ValidConsignment } from './filing.validation.js';
import type { ScreeningContext } from './screening-context.js';
import {
  type AeoTreatment,
  type CapacityCandidate,
  decideLane,
  type LaneDecision,
  randomDraw,
} from './selectivity.js';

/**
 * Screens validated consignments against a screening context: facts from the AEO register and the parties
 * seen before, the compiled rule set, and the selectivity decision up to (not including) office capacity,
 * which needs the office counters inside the filing transaction. Pure apart from its inputs: the caller
 * reads the register and the party registry once per batch.
 */

export interface Screened {
  resultId: string;
  item: ValidConsignment;
  office: string | null;
  evaluation: ScreeningExplanation['evaluation'];
  /** The facts the engine was given (kept with the result for backtests). */
  facts: ScreeningFacts;
  decision: LaneDecision;
  aeoFacts: AeoFact[];
  isAeo: boolean;
  /** Hours between filing and the mode's deadline (negative: late); null when the times needed are absent. */
  filingMarginHours: number | null;
  draw: number;
  /** Sent from red to yellow by the office's capacity (set when the filing transaction applies it). */
  downgraded: boolean;
}

const AEO_PARTIES = ['consignor', 'consignee'] as const;

/** A screened consignment as office capacity sees it: rule-required and random reds are never downgraded. */
export function capacityCandidate(s: Screened): CapacityCandidate {
  return {
    lane: s.decision.lane,
    score: s.decision.score,
    office: s.office,
    exempt: s.decision.mandatoryRed ? 'rule' : s.decision.randomlySelected ? 'random' : null,
  };
}

/** Whether a register entry is a valid AEO status for the party that declares it, and why not. */
function claimStatus(
  entry: AeoRegisterEntry | undefined,
  party: ConsignmentParty,
  at: Date,
): AeoFact['status'] {
  if (!entry) return 'unknown';
  // The declared identifier must belong to this party: a filing naming another trader's AEO identifier
  // gets no facilitation. Checked on the EORI when the party gives one.
  const eori = party.identifiers?.find((id) => id.scheme === 'EORI')?.value.toUpperCase();
  if (
    eori &&
    !entry.holderIdentifiers.some((id) => id.scheme === 'EORI' && id.value.toUpperCase() === eori)
  ) {
    return 'holder_mismatch';
  }
  if (entry.status !== 'active') return entry.status;
  // A grant takes effect after the programme's effect period (e.g. UCC: 5 days), like verification says.
  if (entry.validFrom > at) return 'not_yet_valid';
  if (entry.validUntil !== null && entry.validUntil <= at) return 'expired';
  return 'active';
}

/** The AEO ids and party keys a batch needs looked up. */
export function lookupKeys(items: readonly ValidConsignment[]): { aeoIds: string[]; partyKeys: string[] } {
  const aeoIds = new Set<string>();
  const partyKeys = new Set<string>();
  for (const { consignment } of items) {
    for (const role of AEO_PARTIES) for (const id of declaredAeoIds(consignment[role])) aeoIds.add(id);
    partyKeys.add(partyKey(consignment.consignor));
    partyKeys.add(partyKey(consignment.consignee));
    if (consignment.declarant) partyKeys.add(partyKey(consignment.declarant));
  }
  return { aeoIds: [...aeoIds], partyKeys: [...partyKeys] };
}

function aeoTreatment(
  settings: ScreeningPolicySettings,
  facts: { fact: AeoFact; entry: AeoRegisterEntry }[],
): AeoTreatment | null {
  const code = settings.aeoBenefitCode;
  const applied = facts.filter((f) => f.fact.benefitApplied);
  const first = applied[0];
  if (!code || !first) return null;
  const benefit = first.entry.benefits.find((b) => b.code === code)!;
  return {
    benefitCode: code,
    scoreReduction: benefit.parameters?.riskScoreReduction ?? 0,
    randomSelectionPercent: benefit.parameters?.randomSelectionPercent ?? null,
    aeoIds: applied.map((f) => f.fact.aeoId),
  };
}

export function screenConsignments(input: {
  context: ScreeningContext;
  filerOrganisationId: string;
  items: readonly ValidConsignment[];
  register: ReadonlyMap<string, AeoRegisterEntry>;
  /** Party keys seen before this batch; keys first seen in it are added (the batch counts in order). */
  seenParties: Set<string>;
  receivedAt: Date;
}): { screened: Screened[]; newParties: string[] } {
  const { context, register, seenParties, receivedAt } = input;
  const { settings } = context;
  const newParties: string[] = [];
  const firstSeen = (party: ConsignmentParty | undefined): boolean | undefined => {
    if (!party) return undefined;
    const key = partyKey(party);
    if (seenParties.has(key)) return false;
    seenParties.add(key);
    newParties.push(key);
    return true;
  };

  const screened = input.items.map((item): Screened => {
    const { consignment } = item;
    const facts: ScreeningFacts = {};
    const found: { fact: AeoFact; entry: AeoRegisterEntry }[] = [];
    const aeoFacts: AeoFact[] = [];
    for (const role of AEO_PARTIES) {
      let active = false;
      for (const aeoId of declaredAeoIds(consignment[role])) {
        const entry = register.get(aeoId);
        const status = claimStatus(entry, consignment[role], receivedAt);
        const covered =
          entry?.benefits.some(
            (b) =>
              b.code === settings.aeoBenefitCode &&
              (b.categories.length === 0 || b.categories.includes(entry.category)),
          ) ?? false;
        const fact: AeoFact = {
          party: role,
          aeoId,
          status,
          category: entry?.category ?? null,
          benefitApplied: status === 'active' && covered,
        };
        aeoFacts.push(fact);
        if (entry) found.push({ fact, entry });
        if (status === 'active') active = true;
      }
      facts[role === 'consignor' ? 'consignorAeoActive' : 'consigneeAeoActive'] = active;
    }
    facts.consignorFirstSeen = firstSeen(consignment.consignor);
    facts.consigneeFirstSeen = firstSeen(consignment.consignee);
    const declarant = firstSeen(consignment.declarant);
    if (declarant !== undefined) facts.declarantFirstSeen = declarant;

    const evaluation = context.engine.evaluate(consignment, facts);
    const aeo = aeoTreatment(settings, found);
    const draw = randomDraw(context.randomSeed, `${input.filerOrganisationId}|${item.reference}`);
    const decision = decideLane({ evaluation, policy: settings, draw, aeo });
    return {
      resultId: randomUUID(),
      item,
      office: consignment.placeOfUnloading ?? null,
      evaluation,
      facts,
      decision,
      aeoFacts,
      isAeo: aeo !== null,
      filingMarginHours: derivedFacts.filingMarginHours(consignment, facts) ?? null,
      draw,
      downgraded: false,
    };
  });
  return { screened, newParties };
}
