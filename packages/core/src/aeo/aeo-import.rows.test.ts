import { describe, expect, it } from 'vitest';
import {
  type AeoImportRecord,
  type AeoImportTarget,
  checkImportHeader,
  checkImportRecord,
  findDuplicateRows,
} from './aeo-import.rows.js';

const openEnded: AeoImportTarget = {
  administration: { id: 'a', name: 'Netherlands Customs', country: 'NL' },
  programme: {
    id: 'p',
    identifierPrefix: 'AEO',
    categories: [{ code: 'S' }, { code: 'C' }, { code: 'F' }],
    validity: { kind: 'open_ended', reassessmentYears: 3 },
  },
};
const fixedTerm: AeoImportTarget = {
  ...openEnded,
  programme: { ...openEnded.programme, validity: { kind: 'fixed_term', years: 5 } },
};
const today = new Date('2026-06-15T10:00:00Z');

const good: AeoImportRecord = {
  aeo_id: 'NLAEOF000123',
  legal_name: 'Polder Import B.V.',
  identifier_scheme: 'EORI',
  identifier: 'NL123456789',
  country: 'NL',
  category: 'F',
  granted_on: '2021-03-01',
  effective_from: '2021-03-06',
  status: 'active',
};

const problemsOf = (record: AeoImportRecord, target = openEnded) => {
  const checked = checkImportRecord(record, target, today);
  return checked.ok ? [] : checked.problems;
};

describe('checkImportRecord', () => {
  it('reads a good record, normalising case and defaulting what the programme decides', () => {
    const checked = checkImportRecord(
      { ...good, aeo_id: ' nlaeof000123 ', country: 'nl', status: 'Suspended', identifier: 'nl 123 456 789' },
      openEnded,
      today,
    );
    expect(checked).toEqual({
      ok: true,
      row: {
        aeoId: 'NLAEOF000123',
        legalName: 'Polder Import B.V.',
        name: 'Polder Import B.V.',
        identifier: { scheme: 'EORI', value: 'NL123456789' },
        country: 'NL',
        address: null,
        category: 'F',
        grantedOn: '2021-03-01',
        effectiveFrom: '2021-03-06',
        validUntil: null,
        // Open-ended: effect + the programme's 3 years, as a grant would set it.
        reassessmentDue: '2024-03-06',
        status: 'suspended',
        note: null,
        contactEmail: null,
      },
    });
  });

  it('keeps the optional columns', () => {
    const checked = checkImportRecord(
      {
        ...good,
        trading_name: 'Polder',
        address: 'Kade 1\n3011 AA Rotterdam',
        reassessment_due: '2027-01-31',
        note: 'legacy #42',
        contact_email: 'AEO@Polder.example',
      },
      openEnded,
      today,
    );
    expect(checked.ok && checked.row).toMatchObject({
      name: 'Polder',
      address: 'Kade 1\n3011 AA Rotterdam',
      reassessmentDue: '2027-01-31',
      note: 'legacy #42',
      contactEmail: 'aeo@polder.example',
    });
  });

  it.each([
    {
      why: 'a malformed identifier',
      patch: { aeo_id: 'NL-123' },
      column: 'aeo_id',
      message: 'must be an AEO identifier such as NLAEOF000123 (got "NL-123")',
    },
    {
      why: "another country's identifier",
      patch: { aeo_id: 'BEAEOF000123' },
      column: 'aeo_id',
      message: 'must start with NL, the country of Netherlands Customs',
    },
    {
      why: 'an identifier of another category',
      patch: { aeo_id: 'NLAEOS000123' },
      column: 'aeo_id',
      message: 'must be NL + AEO + the category F + a 6-digit national number, e.g. NLAEOF000123',
    },
    {
      why: 'national number zero',
      patch: { aeo_id: 'NLAEOF000000' },
      column: 'aeo_id',
      message: 'the national number must be 000001 or more',
    },
    {
      why: 'another country',
      patch: { country: 'BE' },
      column: 'country',
      message: 'must be NL, the country of Netherlands Customs',
    },
    {
      why: 'no country code',
      patch: { country: 'XX' },
      column: 'country',
      message: 'must be an ISO 3166-1 alpha-2 country code (got "XX")',
    },
    {
      why: 'an unknown category',
      patch: { category: 'Z' },
      column: 'category',
      message: "must be one of the programme's categories: S, C, F",
    },
    {
      why: 'an impossible date',
      patch: { granted_on: '2021-02-30' },
      column: 'granted_on',
      message: 'must be a calendar date written YYYY-MM-DD (got "2021-02-30")',
    },
    {
      why: 'a date in another format',
      patch: { effective_from: '06/03/2021' },
      column: 'effective_from',
      message: 'must be a calendar date written YYYY-MM-DD (got "06/03/2021")',
    },
    {
      why: 'a decision in the future',
      patch: { granted_on: '2026-06-16', effective_from: '2026-06-21' },
      column: 'granted_on',
      message: 'must not be in the future (today is 2026-06-15)',
    },
    {
      why: 'effect before the decision',
      patch: { effective_from: '2021-02-28' },
      column: 'effective_from',
      message: 'must not be before granted_on (2021-03-01)',
    },
    {
      why: 'a reassessment before effect',
      patch: { reassessment_due: '2021-03-06' },
      column: 'reassessment_due',
      message: 'must be after effective_from (2021-03-06)',
    },
    {
      why: 'an expiry on an open-ended programme',
      patch: { valid_until: '2030-01-01' },
      column: 'valid_until',
      message: "must be empty: the programme's certificates are open-ended (use reassessment_due)",
    },
    {
      why: 'a revoked status',
      patch: { status: 'revoked' },
      column: 'status',
      message: 'must be active or suspended: a revoked certificate is no AEO status to import',
    },
    {
      why: 'an unknown status',
      patch: { status: 'ok' },
      column: 'status',
      message: 'must be active or suspended (got "ok")',
    },
    {
      why: 'a bad EORI',
      patch: { identifier: '123456789' },
      column: 'identifier',
      message: 'an EORI number is a country code and up to 15 letters or digits, e.g. NL123456789',
    },
    {
      why: 'a bad identifier scheme',
      patch: { identifier_scheme: 'e-ori' },
      column: 'identifier_scheme',
      message: 'must be an identifier scheme such as EORI, TIN or AEO',
    },
    {
      why: 'a bad email',
      patch: { contact_email: 'nobody' },
      column: 'contact_email',
      message: 'must be a valid email address (got "nobody")',
    },
    {
      why: 'a missing legal name',
      patch: { legal_name: '  ' },
      column: 'legal_name',
      message: 'is required',
    },
    {
      why: 'a control character',
      patch: { legal_name: 'Polder\u0000 B.V.' },
      column: 'legal_name',
      message: 'must not contain control characters',
    },
    {
      why: 'a name too long',
      patch: { legal_name: 'x'.repeat(201) },
      column: 'legal_name',
      message: 'must be at most 200 characters',
    },
  ] as const)('refuses $why, naming the column', ({ patch, column, message }) => {
    expect(problemsOf({ ...good, ...patch })).toEqual([{ column, message }]);
  });

  it('collects every problem of a record at once', () => {
    const problems = problemsOf({ aeo_id: 'NLAEOF000123', status: 'active' });
    expect(problems.map((p) => p.column).sort()).toEqual(
      [
        'country',
        'category',
        'legal_name',
        'identifier_scheme',
        'identifier',
        'granted_on',
        'effective_from',
      ].sort(),
    );
    expect(new Set(problems.map((p) => p.message))).toEqual(new Set(['is required']));
  });

  describe('on a fixed-term programme', () => {
    it('needs a future expiry after effect, and no reassessment date', () => {
      const checked = checkImportRecord({ ...good, valid_until: '2026-03-06' }, fixedTerm, today);
      expect(checked).toEqual({
        ok: false,
        problems: [
          {
            column: 'valid_until',
            message: 'the certificate expired on 2026-03-06: there is no AEO status to import',
          },
        ],
      });
      expect(problemsOf(good, fixedTerm)).toEqual([
        { column: 'valid_until', message: "is required: the programme's certificates expire after 5 years" },
      ]);
      expect(problemsOf({ ...good, valid_until: '2021-03-01' }, fixedTerm)).toEqual([
        { column: 'valid_until', message: 'must be after effective_from (2021-03-06)' },
      ]);
      expect(
        problemsOf({ ...good, valid_until: '2030-03-06', reassessment_due: '2029-01-01' }, fixedTerm),
      ).toEqual([
        {
          column: 'reassessment_due',
          message: "must be empty: the programme's certificates expire (valid_until) instead",
        },
      ]);
      const ok = checkImportRecord({ ...good, valid_until: '2030-03-06' }, fixedTerm, today);
      expect(ok.ok && ok.row).toMatchObject({ validUntil: '2030-03-06', reassessmentDue: null });
    });
  });
});

describe('checkImportHeader', () => {
  it('accepts the required columns in any order', () => {
    expect(
      checkImportHeader([
        'status',
        'effective_from',
        'granted_on',
        'category',
        'country',
        'identifier',
        'identifier_scheme',
        'legal_name',
        'aeo_id',
      ]),
    ).toEqual([]);
  });

  it('names missing, unknown and repeated columns', () => {
    expect(checkImportHeader(['aeo_id', 'legal_name', 'legal_name', 'eori'])).toEqual([
      'the column legal_name appears twice',
      expect.stringMatching(/^unknown column "eori" \(the columns are: aeo_id, legal_name, trading_name, /),
      'required columns missing: identifier_scheme, identifier, country, category, granted_on, effective_from, status',
    ]);
  });
});

describe('findDuplicateRows', () => {
  const row = (rowNumber: number, aeoId: string, eori: string) => {
    const checked = checkImportRecord({ ...good, aeo_id: aeoId, identifier: eori }, openEnded, today);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    return { index: rowNumber - 2, rowNumber, row: checked.row };
  };

  it('refuses every row sharing an identifier, a national number or an operator, and no other', () => {
    const rows = [
      row(2, 'NLAEOF000001', 'NL1'),
      row(3, 'NLAEOF000001', 'NL2'),
      row(4, 'NLAEOF000002', 'NL3'),
      row(5, 'NLAEOF000004', 'NL4'),
      row(6, 'NLAEOF000005', 'NL4'),
      row(7, 'NLAEOF000006', 'NL6'),
    ];
    rows.push({
      ...row(8, 'NLAEOF000002', 'NL8'),
      row: { ...row(8, 'NLAEOF000002', 'NL8').row, aeoId: 'NLAEOS000002', category: 'S' },
    });
    const duplicates = findDuplicateRows(rows);
    expect([...duplicates.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 6]);
    expect(duplicates.get(0)).toEqual({
      column: 'aeo_id',
      message: 'NLAEOF000001 appears more than once in the file (also row 3)',
    });
    expect(duplicates.get(2)).toEqual({
      column: 'aeo_id',
      message: 'the national number 000002 appears more than once in the file (also row 8)',
    });
    expect(duplicates.get(4)).toEqual({
      column: 'identifier',
      message:
        'EORI NL4 appears more than once in the file (also row 5); an operator holds one AEO status per programme',
    });
  });
});
