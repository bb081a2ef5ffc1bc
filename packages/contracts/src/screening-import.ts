import { z } from 'zod';
import { Uuid } from './common.js';
import { Lane, Referral } from './risk/rule-set.js';
import { LaneCounts } from './screening-analysis.js';

/**
 * CSV filing of consignments for risk screening (issue 4 item 2, `docs/screening-import.md`): one row per
 * goods item, the rows of a consignment grouped by its transport document. The answer names every problem
 * by row (the header is row 1, as a spreadsheet shows it) and column, and every consignment with its lane.
 */

/** Largest CSV upload the server reads (about 10,000 consignments of several items each). */
export const SCREENING_IMPORT_MAX_BYTES = 32 * 1024 * 1024;

export const ScreeningImportError = z.object({
  /** The row in the file; the header is row 1. */
  row: z.int(),
  /** The column the problem is in; null when it concerns the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});
export type ScreeningImportError = z.infer<typeof ScreeningImportError>;

export const SCREENING_IMPORT_STATUSES = ['screened', 'skipped', 'rejected'] as const;

export const ScreeningImportItem = z.object({
  /** The transport document that groups the consignment's rows, e.g. `MBL MEDU1234567`. */
  transportDocument: z.string(),
  /** The consignment's key as filed: its UCR, or the transport document. */
  reference: z.string(),
  rows: z.array(z.int()),
  /**
   * `screened` now; `skipped`: this filer had already filed it unchanged, and the earlier result stands;
   * `rejected`: a row of it has a problem (see `errors`), nothing was filed.
   */
  status: z.enum(SCREENING_IMPORT_STATUSES),
  resultId: Uuid.nullable(),
  lane: Lane.nullable(),
  referrals: z.array(Referral),
});
export type ScreeningImportItem = z.infer<typeof ScreeningImportItem>;

export const ScreeningImportResult = z.object({
  /** Data rows read (the header not counted). */
  rows: z.int(),
  consignments: z.int(),
  screened: z.int(),
  skipped: z.int(),
  rejected: z.int(),
  /** Lanes of the consignments screened now or skipped (their earlier lane). */
  lanes: LaneCounts,
  items: z.array(ScreeningImportItem),
  errors: z.array(ScreeningImportError),
});
export type ScreeningImportResult = z.infer<typeof ScreeningImportResult>;
