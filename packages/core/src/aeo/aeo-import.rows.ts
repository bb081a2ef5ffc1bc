import { AEO_ID_PATTERN, Email, isAssignedCountryCode, TraderIdentifier } from '@aeolus/contracts';
import type { ProgrammeCategory, ProgrammeValidity } from './aeo.tables.js';

/**
 * The record format of an import of existing AEOs (operators a legacy register already authorised), one
 * record per AEO. Pure: no I/O. The CLI reads these records from CSV (`aeolus aeo import`); the columns
 * below are that file's header, documented in the README and in `--help`.
 */
export const AEO_IMPORT_COLUMNS = [
  {
    name: 'aeo_id',
    required: true,
    help: "the AEO identifier held, in the programme's format (NLAEOF000123)",
  },
  { name: 'legal_name', required: true, help: 'the registered legal name' },
  { name: 'trading_name', required: false, help: 'the name shown in the application (default: legal_name)' },
  { name: 'identifier_scheme', required: true, help: 'the trader identifier’s scheme: EORI, TIN, …' },
  { name: 'identifier', required: true, help: 'the identifier; an organisation holding it is reused' },
  { name: 'country', required: true, help: "ISO 3166-1 alpha-2: the administration's own country" },
  { name: 'address', required: false, help: 'the registered address, kept in the case history' },
  { name: 'category', required: true, help: "one of the programme's category codes (S, C, F…)" },
  { name: 'granted_on', required: true, help: 'the original decision (not in the future)' },
  { name: 'effective_from', required: true, help: 'when the status took effect (not before granted_on)' },
  {
    name: 'valid_until',
    required: false,
    help: 'fixed-term programmes only, and there required: the expiry',
  },
  {
    name: 'reassessment_due',
    required: false,
    help: 'open-ended programmes only (default: + the programme’s years)',
  },
  { name: 'status', required: true, help: 'active or suspended' },
  { name: 'note', required: false, help: 'free text kept in the case history, e.g. suspension grounds' },
  { name: 'contact_email', required: false, help: 'the operator’s AEO contact, kept in the case history' },
] as const;

export type AeoImportColumn = (typeof AEO_IMPORT_COLUMNS)[number]['name'];
const COLUMN_NAMES: readonly string[] = AEO_IMPORT_COLUMNS.map((c) => c.name);

/** One import record as read from a file: column name → raw text. */
export type AeoImportRecord = Partial<Record<AeoImportColumn, string>>;

/** A validated record, ready to be written. Dates are `YYYY-MM-DD`, meaning 00:00 UTC that day. */
export interface AeoImportRow {
  aeoId: string;
  legalName: string;
  name: string;
  identifier: TraderIdentifier;
  country: string;
  address: string | null;
  category: string;
  grantedOn: string;
  effectiveFrom: string;
  validUntil: string | null;
  reassessmentDue: string | null;
  status: 'active' | 'suspended';
  note: string | null;
  contactEmail: string | null;
}

export interface AeoImportProblem {
  /** The column at fault; `row` when the record as a whole is (e.g. a duplicate, a short row). */
  column: AeoImportColumn | 'row';
  message: string;
}

export type AeoImportCheck = { ok: true; row: AeoImportRow } | { ok: false; problems: AeoImportProblem[] };

/** What a record is checked against: the importing administration and its programme. */
export interface AeoImportTarget {
  administration: { id: string; name: string; country: string };
  programme: {
    id: string;
    identifierPrefix: string;
    categories: readonly Pick<ProgrammeCategory, 'code'>[];
    validity: ProgrammeValidity;
  };
}

/** Checks a header: every required column present, none unknown or repeated. Returns the problems. */
export function checkImportHeader(header: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push(`the column ${name} appears twice`);
    seen.add(name);
    if (!COLUMN_NAMES.includes(name)) {
      problems.push(`unknown column "${name}" (the columns are: ${COLUMN_NAMES.join(', ')})`);
    }
  }
  const missing = AEO_IMPORT_COLUMNS.filter((c) => c.required && !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) problems.push(`required columns missing: ${missing.join(', ')}`);
  return problems;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not one), as a UTC timestamp. */
function parseDate(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const date = new Date(time);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? time : null;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function addYears(day: string, years: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return isoDay(date.getTime());
}

/** The identifier the programme itself would give: country + prefix + category + 6-digit number. */
export function programmeAeoIdPattern(target: AeoImportTarget, category: string): RegExp {
  const literal = (text: string) => text.replace(/[^A-Za-z0-9]/g, '\\$&');
  return new RegExp(
    `^${literal(target.administration.country)}${literal(target.programme.identifierPrefix.toUpperCase())}${literal(category.toUpperCase())}(\\d{6})$`,
  );
}

const LIMITS = { legal_name: 200, trading_name: 200, address: 500, note: 2000 } as const;

/**
 * Checks one record against the format and the programme, collecting every problem (a record is fixed
 * once, not once per problem). `today` is the UTC date of the import: a decision cannot be in the
 * future, and an expired certificate is no AEO status to import.
 */
export function checkImportRecord(
  record: AeoImportRecord,
  target: AeoImportTarget,
  today: Date,
): AeoImportCheck {
  const problems: AeoImportProblem[] = [];
  const problem = (column: AeoImportColumn, message: string) => problems.push({ column, message });
  const text = (column: AeoImportColumn) => (record[column] ?? '').trim();
  const required = (column: AeoImportColumn) => {
    const value = text(column);
    if (!value) problem(column, 'is required');
    return value;
  };
  const optional = (column: AeoImportColumn) => text(column) || null;
  for (const [column, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
    if (text(column).length > max) problem(column, `must be at most ${max} characters`);
  }
  for (const { name } of AEO_IMPORT_COLUMNS) {
    // Control characters are an export gone wrong (a NUL cannot even be stored), never a name or a note.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(record[name] ?? '')) {
      problem(name, 'must not contain control characters');
    }
  }

  const { administration, programme } = target;
  const country = required('country').toUpperCase();
  if (country && !isAssignedCountryCode(country)) {
    problem('country', `must be an ISO 3166-1 alpha-2 country code (got "${text('country')}")`);
  } else if (country && country !== administration.country) {
    // The AEO status is granted by the customs administration of the country where the operator is
    // established (SAFE Framework pillar 2, standard 3; EU UCC Art. 22(1)): another country's AEOs
    // belong in that administration's register, recognised here through an MRA, not imported.
    problem('country', `must be ${administration.country}, the country of ${administration.name}`);
  }

  const codes = programme.categories.map((c) => c.code);
  const category = required('category').toUpperCase();
  const categoryOk = !category || codes.includes(category);
  if (!categoryOk) problem('category', `must be one of the programme's categories: ${codes.join(', ')}`);

  const aeoId = required('aeo_id').toUpperCase();
  if (aeoId) {
    if (aeoId.length > 20 || !AEO_ID_PATTERN.test(aeoId)) {
      problem(
        'aeo_id',
        `must be an AEO identifier such as ${administration.country}AEOF000123 (got "${text('aeo_id')}")`,
      );
    } else if (!aeoId.startsWith(administration.country)) {
      problem('aeo_id', `must start with ${administration.country}, the country of ${administration.name}`);
    } else if (category && categoryOk) {
      const match = programmeAeoIdPattern(target, category).exec(aeoId);
      const example = `${administration.country}${programme.identifierPrefix.toUpperCase()}${category}000123`;
      if (!match) {
        problem(
          'aeo_id',
          `must be ${administration.country} + ${programme.identifierPrefix.toUpperCase()} + the category ${category} + a 6-digit national number, e.g. ${example}`,
        );
      } else if (Number(match[1]) === 0) {
        problem('aeo_id', 'the national number must be 000001 or more');
      }
    }
  }

  const legalName = required('legal_name');
  const scheme = required('identifier_scheme').toUpperCase();
  const value = required('identifier').replace(/\s+/g, '');
  let identifier: TraderIdentifier | null = null;
  if (scheme && value) {
    const parsed = TraderIdentifier.safeParse({
      scheme,
      value: scheme === 'EORI' ? value.toUpperCase() : value,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problem(issue.path[0] === 'scheme' ? 'identifier_scheme' : 'identifier', issue.message);
      }
    } else if (scheme === 'EORI' && !/^[A-Z]{2}[A-Z0-9]{1,15}$/.test(parsed.data.value)) {
      // EU EORI: the issuing member state's code and up to 15 characters (Regulation (EU) 2015/2446 Art. 1(18)).
      problem(
        'identifier',
        'an EORI number is a country code and up to 15 letters or digits, e.g. NL123456789',
      );
    } else {
      identifier = parsed.data;
    }
  }

  let contactEmail: string | null = null;
  const email = optional('contact_email');
  if (email) {
    const parsed = Email.safeParse(email);
    if (parsed.success) contactEmail = parsed.data;
    else problem('contact_email', `must be a valid email address (got "${email}")`);
  }

  const status = required('status').toLowerCase();
  if (status && status !== 'active' && status !== 'suspended') {
    problem(
      'status',
      status === 'revoked' || status === 'expired'
        ? `must be active or suspended: a ${status} certificate is no AEO status to import`
        : `must be active or suspended (got "${text('status')}")`,
    );
  }

  const date = (column: AeoImportColumn, mandatory: boolean): number | null => {
    const raw = mandatory ? required(column) : text(column);
    if (!raw) return null;
    const time = parseDate(raw);
    if (time === null) problem(column, `must be a calendar date written YYYY-MM-DD (got "${raw}")`);
    return time;
  };
  const todayTime = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const granted = date('granted_on', true);
  const effective = date('effective_from', true);
  const validUntil = date('valid_until', false);
  const reassessment = date('reassessment_due', false);
  if (granted !== null && granted > todayTime) {
    problem('granted_on', `must not be in the future (today is ${isoDay(todayTime)})`);
  }
  if (granted !== null && effective !== null && effective < granted) {
    problem('effective_from', `must not be before granted_on (${isoDay(granted)})`);
  }
  const start = effective ?? granted;
  const startColumn = effective !== null ? 'effective_from' : 'granted_on';
  if (programme.validity.kind === 'fixed_term') {
    if (!text('valid_until')) {
      problem(
        'valid_until',
        `is required: the programme's certificates expire after ${programme.validity.years} years`,
      );
    } else if (validUntil !== null && start !== null && validUntil <= start) {
      problem('valid_until', `must be after ${startColumn} (${isoDay(start)})`);
    } else if (validUntil !== null && validUntil <= todayTime) {
      problem(
        'valid_until',
        `the certificate expired on ${isoDay(validUntil)}: there is no AEO status to import`,
      );
    }
    if (text('reassessment_due')) {
      problem('reassessment_due', "must be empty: the programme's certificates expire (valid_until) instead");
    }
  } else {
    if (text('valid_until')) {
      problem(
        'valid_until',
        "must be empty: the programme's certificates are open-ended (use reassessment_due)",
      );
    }
    if (reassessment !== null && start !== null && reassessment <= start) {
      problem('reassessment_due', `must be after ${startColumn} (${isoDay(start)})`);
    }
  }

  if (problems.length > 0 || !identifier || granted === null || effective === null) {
    return { ok: false, problems };
  }
  const effectiveFrom = isoDay(effective);
  return {
    ok: true,
    row: {
      aeoId,
      legalName,
      name: optional('trading_name') ?? legalName,
      identifier,
      country,
      address: optional('address'),
      category,
      grantedOn: isoDay(granted),
      effectiveFrom,
      validUntil: validUntil === null ? null : isoDay(validUntil),
      reassessmentDue:
        programme.validity.kind === 'open_ended'
          ? reassessment === null
            ? addYears(effectiveFrom, programme.validity.reassessmentYears)
            : isoDay(reassessment)
          : null,
      status: status as 'active' | 'suspended',
      note: optional('note'),
      contactEmail,
    },
  };
}

/**
 * Rows of one file that claim the same AEO identifier, the same national number (in any category) or
 * the same operator (an operator holds one AEO status per programme): every one of them is refused,
 * since the file cannot say which is right. Returns, per row index, the problem to report.
 */
export function findDuplicateRows(rows: readonly { index: number; rowNumber: number; row: AeoImportRow }[]) {
  const groups = new Map<string, typeof rows>();
  const add = (key: string, entry: (typeof rows)[number]) => {
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  };
  for (const entry of rows) {
    add(`aeo_id:${entry.row.aeoId}`, entry);
    add(`number:${entry.row.aeoId.slice(-6)}`, entry);
    add(`identifier:${entry.row.identifier.scheme}:${entry.row.identifier.value}`, entry);
  }
  const duplicates = new Map<number, AeoImportProblem>();
  for (const [key, entries] of groups) {
    if (entries.length < 2) continue;
    const [kind] = key.split(':');
    for (const entry of entries) {
      if (duplicates.has(entry.index)) continue;
      const others = entries.filter((e) => e !== entry).map((e) => e.rowNumber);
      const where = `row${others.length > 1 ? 's' : ''} ${others.join(', ')}`;
      duplicates.set(
        entry.index,
        kind === 'aeo_id'
          ? {
              column: 'aeo_id',
              message: `${entry.row.aeoId} appears more than once in the file (also ${where})`,
            }
          : kind === 'number'
            ? {
                column: 'aeo_id',
                message: `the national number ${entry.row.aeoId.slice(-6)} appears more than once in the file (also ${where})`,
              }
            : {
                column: 'identifier',
                message: `${entry.row.identifier.scheme} ${entry.row.identifier.value} appears more than once in the file (also ${where}); an operator holds one AEO status per programme`,
              },
      );
    }
  }
  return duplicates;
}
