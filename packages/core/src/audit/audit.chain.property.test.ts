import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuditContent, auditHash, type ChainRow, ChainVerifier, GENESIS_HASH } from './audit.chain.js';

/**
 * Property tests over the pure verifier: whatever the chain, one alteration, removal, swap or cut tail
 * is reported at the entry where it happened, and an untouched chain always verifies.
 */

type Head = { seq: number; hash: string } | null;

const contentArb = fc.record({
  id: fc.uuid(),
  occurredAt: fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
    .map((ms) => new Date(ms).toISOString()),
  organisationId: fc.option(fc.uuid(), { nil: null }),
  actorType: fc.constantFrom('user', 'api_key', 'system', 'public'),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorLabel: fc.string({ minLength: 1, maxLength: 20 }),
  action: fc.constantFrom('user.created', 'api_key.created', 'api_key.revoked', 'organisation.created'),
  subjectType: fc.constantFrom('user', 'api_key', 'organisation'),
  subjectId: fc.option(fc.uuid(), { nil: null }),
  summary: fc.record({ after: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })) }),
  requestId: fc.option(fc.uuid(), { nil: null }),
});

function buildChain(contents: Omit<AuditContent, 'seq'>[]): ChainRow[] {
  let prevHash = GENESIS_HASH;
  return contents.map((c, i) => {
    const content: AuditContent = { seq: i + 1, ...c };
    const hash = auditHash(prevHash, content);
    const row = { ...content, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

const headOf = (rows: ChainRow[]): Head => {
  const last = rows.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
};

/** What the database hands the verifier: rows ordered by `seq`. */
function verify(rows: ChainRow[], head: Head) {
  const verifier = new ChainVerifier();
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    if (!verifier.push(row)) break;
  }
  return verifier.finish(head);
}

const chainArb = fc.array(contentArb, { minLength: 1, maxLength: 40 }).map(buildChain);
const runs = { numRuns: 300 };

const ALTERABLE = [
  'id',
  'occurredAt',
  'organisationId',
  'actorType',
  'actorId',
  'actorLabel',
  'action',
  'subjectType',
  'subjectId',
  'summary',
  'requestId',
  'prevHash',
  'hash',
] as const;

function alteredValue(field: (typeof ALTERABLE)[number], current: unknown): unknown {
  switch (field) {
    case 'summary':
      return { ...(current as object), tampered: true };
    case 'occurredAt':
      return new Date(Date.parse(current as string) + 1000).toISOString();
    case 'prevHash':
    case 'hash':
      return (current as string).replace(/^./, (c) => (c === 'f' ? '0' : 'f'));
    default:
      return current === null ? 'tampered' : `${String(current)}x`;
  }
}

describe('ChainVerifier (property)', () => {
  it('accepts every untouched chain with its head', () => {
    fc.assert(
      fc.property(chainArb, (rows) => {
        const result = verify(rows, headOf(rows));
        expect(result).toMatchObject({ ok: true, checked: rows.length, firstBadSeq: null, problem: null });
      }),
      runs,
    );
  });

  it('reports an altered field at the altered entry', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.constantFrom(...ALTERABLE), (rows, pick, field) => {
        const k = pick % rows.length;
        const head = headOf(rows);
        const tampered = rows.map((r, i) => (i === k ? { ...r, [field]: alteredValue(field, r[field]) } : r));
        const result = verify(tampered, head);
        expect(result).toMatchObject({ ok: false, firstBadSeq: k + 1, problem: 'altered' });
      }),
      runs,
    );
  });

  it('reports an entry rewritten with a fresh, valid hash at that entry', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), fc.string({ minLength: 1 }), (rows, pick, label) => {
        const k = pick % rows.length;
        const head = headOf(rows);
        const row = rows[k]!;
        const content = { ...row, actorLabel: `${row.actorLabel}${label}` };
        const { prevHash: _p, hash: _h, ...own } = content;
        const forged = { ...content, hash: auditHash(row.prevHash, own) };
        const result = verify(
          rows.map((r, i) => (i === k ? forged : r)),
          head,
        );
        expect(result).toMatchObject({ ok: false, firstBadSeq: k + 1, problem: 'altered' });
      }),
      runs,
    );
  });

  it('reports a removed entry at its seq, and a removed last entry as a cut tail', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (rows, pick) => {
        const k = pick % rows.length;
        const result = verify(
          rows.filter((_, i) => i !== k),
          headOf(rows),
        );
        const last = k === rows.length - 1;
        expect(result).toMatchObject({
          ok: false,
          firstBadSeq: k + 1,
          problem: last ? 'truncated' : 'removed',
        });
      }),
      runs,
    );
  });

  it('reports a cut tail of any length at the first missing entry', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (rows, pick) => {
        const keep = pick % rows.length;
        const result = verify(rows.slice(0, keep), headOf(rows));
        expect(result).toMatchObject({ ok: false, firstBadSeq: keep + 1, problem: 'truncated' });
      }),
      runs,
    );
  });

  it('reports two entries that swapped places (seq values exchanged) at the earlier one', () => {
    const pair = chainArb.filter((rows) => rows.length >= 2);
    fc.assert(
      fc.property(pair, fc.nat(), fc.nat(), (rows, a, b) => {
        const i = a % rows.length;
        let j = b % rows.length;
        if (j === i) j = (i + 1) % rows.length;
        const [lo, hi] = i < j ? [i, j] : [j, i];
        const swapped = rows.map((r, idx) =>
          idx === lo ? { ...r, seq: hi + 1 } : idx === hi ? { ...r, seq: lo + 1 } : r,
        );
        const result = verify(swapped, headOf(rows));
        expect(result).toMatchObject({ ok: false, firstBadSeq: lo + 1, problem: 'reordered' });
        expect(result.message).toContain(`Entry ${lo + 1} is entry ${hi + 1}`);
      }),
      runs,
    );
  });

  it('flags a deleted head, and entries appended behind the audit service’s back', () => {
    fc.assert(
      fc.property(chainArb, fc.nat(), (rows, pick) => {
        expect(verify(rows, null)).toMatchObject({
          ok: false,
          problem: 'truncated',
          firstBadSeq: rows.length + 1,
        });
        const k = pick % rows.length;
        const staleHead = { seq: rows[k]!.seq, hash: rows[k]!.hash };
        const result = verify(rows, staleHead);
        if (k === rows.length - 1) {
          expect(result.ok).toBe(true);
        } else {
          expect(result).toMatchObject({ ok: false, problem: 'altered', firstBadSeq: k + 2 });
        }
      }),
      runs,
    );
  });

  it('verifies the empty log with no head, and remembers only a bounded window of hashes', () => {
    expect(verify([], null)).toMatchObject({ ok: true, checked: 0 });
    const verifier = new ChainVerifier();
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= 12_000; seq++) {
      const content: AuditContent = {
        seq,
        id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
        occurredAt: new Date(Date.UTC(2025, 0, 1) + seq).toISOString(),
        organisationId: null,
        actorType: 'system',
        actorId: null,
        actorLabel: 'load',
        action: 'x.done',
        subjectType: 'x',
        subjectId: null,
        summary: {},
        requestId: null,
      };
      const hash = auditHash(prevHash, content);
      expect(verifier.push({ ...content, prevHash, hash })).toBe(true);
      prevHash = hash;
    }
    expect(verifier.finish({ seq: 12_000, hash: prevHash })).toMatchObject({ ok: true, checked: 12_000 });
    expect((verifier as unknown as { recentHashes: Set<string> }).recentHashes.size).toBe(10_000);
  });
});
