import { z } from 'zod';
import { IsoDateTime } from '../common.js';
import { AssignedCountryCode } from '../countries.js';
import { TraderIdentifier } from '../identity.js';
import {
  An35,
  CurrencyCode,
  HsCode,
  isAirWaybillNumber,
  isContainerNumber,
  isUpuItemId,
  UnLocode,
} from './identifiers.js';

/**
 * Advance cargo data for risk screening: a subset of the WCO Data Model 3.x/4.0 Consignment, named in its
 * terms (Consignor, Consignee, NotifyParty, Declarant, ConsignmentItem, TransportEquipment,
 * BorderTransportMeans). Two data sets share one shape: the full entry summary (`dataset: "full"`) and the
 * ICS2 / ACI air pre-loading PLACI "7+1" minimum (`dataset: "placi"`), accepted on its own (SAFE Standard 1.3.1
 * on advance electronic information; EU ICS2 release 1 and 2).
 */

export const TRANSPORT_MODES = ['air', 'sea', 'road', 'rail', 'postal'] as const;
export const TransportMode = z.enum(TRANSPORT_MODES);
export type TransportMode = z.infer<typeof TransportMode>;

/** MAWB/HAWB (air), MBL/HBL (sea bill of lading), CMR (road), CIM (rail), UPU (postal S10 item). */
export const TRANSPORT_DOCUMENT_TYPES = ['MAWB', 'HAWB', 'MBL', 'HBL', 'CMR', 'CIM', 'UPU'] as const;
export const TransportDocumentType = z.enum(TRANSPORT_DOCUMENT_TYPES);
export type TransportDocumentType = z.infer<typeof TransportDocumentType>;

const DOCUMENT_TYPES_BY_MODE: Record<TransportMode, readonly TransportDocumentType[]> = {
  air: ['MAWB', 'HAWB'],
  sea: ['MBL', 'HBL'],
  road: ['CMR'],
  rail: ['CIM'],
  postal: ['UPU', 'MAWB', 'HAWB'],
};

export const TransportDocument = z.strictObject({
  type: TransportDocumentType,
  number: An35,
  /** The master document a house document is consolidated under (ICS2 multiple filing links the two). */
  masterNumber: An35.optional(),
});
export type TransportDocument = z.infer<typeof TransportDocument>;

export const PartyAddress = z.strictObject({
  line: z.string().trim().min(1).max(70).optional(),
  city: z.string().trim().min(1).max(35),
  postcode: z.string().trim().min(1).max(17).optional(),
  country: AssignedCountryCode,
});
export type PartyAddress = z.infer<typeof PartyAddress>;

/** A party (WCO DM Consignor, Consignee, NotifyParty, Declarant); `identifiers` carries EORI, TIN, AEO ids. */
export const ConsignmentParty = z.strictObject({
  name: z.string().trim().min(1).max(70),
  address: PartyAddress,
  identifiers: z.array(TraderIdentifier).max(10).optional(),
});
export type ConsignmentParty = z.infer<typeof ConsignmentParty>;

export const MonetaryAmount = z.strictObject({
  amount: z.number().nonnegative().max(1e12),
  currency: CurrencyCode,
});
export type MonetaryAmount = z.infer<typeof MonetaryAmount>;

/** Goods description: WCO an..512. The bound also caps the text any `matches` rule scans. */
export const GoodsDescription = z.string().trim().min(1).max(512);

export const ConsignmentItem = z.strictObject({
  sequence: z.number().int().min(1).max(999),
  hsCode: HsCode,
  description: GoodsDescription,
  packages: z.strictObject({
    count: z.number().int().min(1).max(99_999_999),
    /** UN/ECE Recommendation 21 package type code, e.g. CT (carton), PK (package). */
    type: z
      .string()
      .regex(/^[A-Z0-9]{2}$/, 'must be a UN/ECE Rec. 21 package code such as CT')
      .optional(),
  }),
  grossMassKg: z.number().positive().max(1e9),
  value: MonetaryAmount,
  originCountry: AssignedCountryCode.optional(),
});
export type ConsignmentItem = z.infer<typeof ConsignmentItem>;

export const SEAL_CONDITIONS = ['intact', 'damaged', 'missing'] as const;

export const ContainerSeal = z.strictObject({
  id: z.string().trim().min(1).max(20),
  condition: z.enum(SEAL_CONDITIONS).optional(),
});
export type ContainerSeal = z.infer<typeof ContainerSeal>;

export const TransportEquipment = z.strictObject({
  containerId: z.string().refine(isContainerNumber, {
    message: 'must be an ISO 6346 container number with a valid check digit, e.g. MSCU1234566',
  }),
  seals: z.array(ContainerSeal).max(20),
});
export type TransportEquipment = z.infer<typeof TransportEquipment>;

export const BorderTransportMeans = z.strictObject({
  /** Flight number, IMO number, vehicle registration or train number. */
  identifier: An35,
  nationality: AssignedCountryCode.optional(),
});
export type BorderTransportMeans = z.infer<typeof BorderTransportMeans>;

const commonFields = {
  /** Unique consignment reference (WCO DM 016 UCR, an..35), the filer's own key for the consignment. */
  reference: An35.optional(),
  transportDocument: TransportDocument,
  consignor: ConsignmentParty,
  consignee: ConsignmentParty,
  notifyParty: ConsignmentParty.optional(),
  declarant: ConsignmentParty.optional(),
  placeOfLoading: UnLocode.optional(),
  placeOfUnloading: UnLocode.optional(),
  routingCountries: z.array(AssignedCountryCode).max(99).optional(),
  borderTransportMeans: BorderTransportMeans.optional(),
  filingTime: IsoDateTime,
  expectedDeparture: IsoDateTime.optional(),
  expectedArrival: IsoDateTime.optional(),
  totalPackages: z.number().int().min(1).max(99_999_999).optional(),
  totalGrossMassKg: z.number().positive().max(1e9).optional(),
};

function checkCommon(
  value: {
    modeOfTransport: TransportMode;
    transportDocument: TransportDocument;
    expectedDeparture?: string | undefined;
    expectedArrival?: string | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const doc = value.transportDocument;
  if (!DOCUMENT_TYPES_BY_MODE[value.modeOfTransport].includes(doc.type)) {
    ctx.addIssue({
      code: 'custom',
      path: ['transportDocument', 'type'],
      message: `${doc.type} is not a transport document of mode ${value.modeOfTransport} (expected ${DOCUMENT_TYPES_BY_MODE[
        value.modeOfTransport
      ].join(' or ')})`,
    });
  }
  if (doc.type === 'MAWB' && !isAirWaybillNumber(doc.number)) {
    ctx.addIssue({
      code: 'custom',
      path: ['transportDocument', 'number'],
      message: 'must be an air waybill number: 3-digit prefix and 8 digits with the mod-7 check digit',
    });
  }
  if (doc.type === 'UPU' && !isUpuItemId(doc.number)) {
    ctx.addIssue({
      code: 'custom',
      path: ['transportDocument', 'number'],
      message: 'must be a UPU S10 item identifier with a valid check digit, e.g. RR123456785NL',
    });
  }
  if ((doc.type === 'HAWB' || doc.type === 'HBL') && doc.masterNumber === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['transportDocument', 'masterNumber'],
      message: `a ${doc.type} must name the master document it travels under`,
    });
  }
  if (doc.masterNumber !== undefined && doc.type === 'HAWB' && !isAirWaybillNumber(doc.masterNumber)) {
    ctx.addIssue({
      code: 'custom',
      path: ['transportDocument', 'masterNumber'],
      message: 'must be a master air waybill number with a valid check digit',
    });
  }
  if (
    value.expectedDeparture !== undefined &&
    value.expectedArrival !== undefined &&
    Date.parse(value.expectedArrival) < Date.parse(value.expectedDeparture)
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['expectedArrival'],
      message: 'is before the expected departure',
    });
  }
}

/** The full entry summary data set (ENS / ACI): goods items with HS codes, routing, equipment. */
export const FullConsignment = z
  .strictObject({
    dataset: z.literal('full'),
    modeOfTransport: TransportMode,
    ...commonFields,
    goodsItems: z.array(ConsignmentItem).min(1).max(999),
    originCountry: AssignedCountryCode,
    placeOfLoading: UnLocode,
    placeOfUnloading: UnLocode,
    transportEquipment: z.array(TransportEquipment).max(999).optional(),
  })
  .superRefine((value, ctx) => {
    checkCommon(value, ctx);
    const seen = new Set<number>();
    value.goodsItems.forEach((item, index) => {
      if (seen.has(item.sequence)) {
        ctx.addIssue({
          code: 'custom',
          path: ['goodsItems', index, 'sequence'],
          message: `duplicates item sequence ${item.sequence}`,
        });
      }
      seen.add(item.sequence);
    });
  });
export type FullConsignment = z.infer<typeof FullConsignment>;

/**
 * PLACI "7+1": consignor and consignee name and address, goods description, piece count, gross weight, plus the
 * air waybill. Filed before loading for air cargo and postal/express consignments (ICS2 R1/R2, ACI PLACI).
 */
export const PlaciConsignment = z
  .strictObject({
    dataset: z.literal('placi'),
    modeOfTransport: z.enum(['air', 'postal']),
    ...commonFields,
    goodsDescription: GoodsDescription,
    totalPackages: z.number().int().min(1).max(99_999_999),
    totalGrossMassKg: z.number().positive().max(1e9),
  })
  .superRefine(checkCommon);
export type PlaciConsignment = z.infer<typeof PlaciConsignment>;

export const Consignment = z.discriminatedUnion('dataset', [FullConsignment, PlaciConsignment], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? 'must be "full" (entry summary) or "placi" (7+1 pre-loading)'
      : undefined,
});
export type Consignment = z.infer<typeof Consignment>;

/**
 * Facts about a consignment that the data cannot show and the caller supplies: whether a party is seen for the
 * first time by this administration, and whether its AEO certificate is active in the AEO register (an AEO id
 * in the filing is a claim; suspended or revoked certificates count as none).
 */
export const ScreeningFacts = z.strictObject({
  consignorFirstSeen: z.boolean().optional(),
  consigneeFirstSeen: z.boolean().optional(),
  declarantFirstSeen: z.boolean().optional(),
  consignorAeoActive: z.boolean().optional(),
  consigneeAeoActive: z.boolean().optional(),
  /** Short-sea shipping movement: the EU ENS deadline is then 2 h before arrival instead of 24 h before loading. */
  shortSeaVoyage: z.boolean().optional(),
});
export type ScreeningFacts = z.infer<typeof ScreeningFacts>;
