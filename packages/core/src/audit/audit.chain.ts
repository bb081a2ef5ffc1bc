import { canonicalJson, sha256Hex } from '../shared/crypto.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit hash covers. `seq` is inside, so moving an entry breaks its hash. */
export interface AuditContent {
  seq: number;
  id: string;
  occurredAt: string;
  organisationId: string | null;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  summary: unknown;
  requestId: string | null;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export interface ChainRow extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainProblem = 'altered' | 'removed' | 'reordered' | 'truncated';

export interface ChainCheck {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  problem: ChainProblem | null;
  message: string;
}

/**
 * Walks rows in `seq` order and reports the first one that breaks the chain. Pure, so the CLI, the API
 * and the tests share it. `head` is the last (seq, hash) recorded beside the log, which catches a cut tail.
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private seenHashes = new Set<string>();
  checked = 0;
  failure: ChainCheck | null = null;

  push(row: ChainRow): boolean {
    if (this.failure) return false;
    this.checked++;
    const fail = (problem: ChainProblem, message: string) => {
      this.failure = { ok: false, checked: this.checked, firstBadSeq: row.seq, problem, message };
      return false;
    };
    const content = stripChain(row);
    if (auditHash(row.prevHash, content) !== row.hash) {
      const original = findOriginalSeq(row, content);
      if (original !== null) {
        return fail('reordered', `Entry ${row.seq} is entry ${original} moved out of its place`);
      }
      return fail('altered', `Entry ${row.seq} was altered: its content no longer matches its hash`);
    }
    if (row.seq > this.expectedSeq) {
      return fail(
        'removed',
        `Entry ${this.expectedSeq} is missing: entry ${row.seq} follows entry ${this.expectedSeq - 1}`,
      );
    }
    if (row.seq < this.expectedSeq) {
      return fail('reordered', `Entry ${row.seq} appears after entry ${this.expectedSeq - 1}`);
    }
    if (row.prevHash !== this.prevHash) {
      if (this.seenHashes.has(row.prevHash)) {
        return fail('reordered', `Entry ${row.seq} does not follow entry ${row.seq - 1} in the chain`);
      }
      return fail(
        'altered',
        `Entry ${row.seq} does not link to entry ${row.seq - 1}: that entry was replaced`,
      );
    }
    this.seenHashes.add(row.hash);
    this.prevHash = row.hash;
    this.expectedSeq = row.seq + 1;
    return true;
  }

  finish(head: { seq: number; hash: string } | null): ChainCheck {
    if (this.failure) return this.failure;
    const lastSeq = this.expectedSeq - 1;
    if (head && (head.seq !== lastSeq || head.hash !== this.prevHash)) {
      if (head.seq > lastSeq) {
        return {
          ok: false,
          checked: this.checked,
          firstBadSeq: lastSeq + 1,
          problem: 'truncated',
          message: `The log ends at entry ${lastSeq} but entry ${head.seq} was written: entries were removed from the end`,
        };
      }
      return {
        ok: false,
        checked: this.checked,
        firstBadSeq: head.seq,
        problem: 'altered',
        message: `The recorded head (entry ${head.seq}) does not match the log`,
      };
    }
    return {
      ok: true,
      checked: this.checked,
      firstBadSeq: null,
      problem: null,
      message: `${this.checked} entries verified; the chain is intact`,
    };
  }
}

function stripChain(row: ChainRow): AuditContent {
  const { prevHash: _p, hash: _h, ...content } = row;
  return {
    seq: content.seq,
    id: content.id,
    occurredAt: content.occurredAt,
    organisationId: content.organisationId,
    actorType: content.actorType,
    actorId: content.actorId,
    actorLabel: content.actorLabel,
    action: content.action,
    subjectType: content.subjectType,
    subjectId: content.subjectId,
    summary: content.summary,
    requestId: content.requestId,
  };
}

/** An intact entry whose `seq` was changed hashes correctly under its original number: look nearby. */
function findOriginalSeq(row: ChainRow, content: AuditContent): number | null {
  for (let delta = 1; delta <= 64; delta++) {
    for (const seq of [row.seq - delta, row.seq + delta]) {
      if (seq >= 1 && auditHash(row.prevHash, { ...content, seq }) === row.hash) return seq;
    }
  }
  return null;
}
