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

/** How many recent hashes the verifier remembers to tell a re-linked (reordered) entry from a replaced one. */
const RECENT_HASHES = 10_000;

/**
 * Walks rows in `seq` order and reports the first one that breaks the chain. Pure, so the CLI, the API
 * and the tests share it. `head` is the last (seq, hash) recorded beside the log, which catches a cut tail.
 * Memory stays bounded however long the log is: only a window of recent hashes is kept.
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  private recentHashes = new Set<string>();
  private recentRing: (string | undefined)[] = new Array(RECENT_HASHES);
  private ringIndex = 0;
  checked = 0;
  failure: ChainCheck | null = null;

  /** The `seq` of the last entry accepted so far (0 before the first). */
  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  push(row: ChainRow): boolean {
    if (this.failure) return false;
    this.checked++;
    const fail = (problem: ChainProblem, message: string, seq = row.seq) => {
      this.failure = { ok: false, checked: this.checked, firstBadSeq: seq, problem, message };
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
      // The first bad entry is the first one missing, not the intact entry that follows the gap.
      const missing =
        row.seq - this.expectedSeq === 1
          ? `Entry ${this.expectedSeq} is missing`
          : `Entries ${this.expectedSeq} to ${row.seq - 1} are missing`;
      return fail('removed', `${missing}: entry ${row.seq} follows entry ${this.lastSeq}`, this.expectedSeq);
    }
    if (row.seq < this.expectedSeq) {
      return fail('reordered', `Entry ${row.seq} appears after entry ${this.lastSeq}`);
    }
    if (row.prevHash !== this.prevHash) {
      if (this.recentHashes.has(row.prevHash)) {
        return fail('reordered', `Entry ${row.seq} does not follow entry ${row.seq - 1} in the chain`);
      }
      // Both entries hash correctly but do not link: the earlier one was rewritten with a fresh hash
      // (or the later one re-chained). The divergence starts at the earlier entry.
      return fail(
        'altered',
        `Entry ${row.seq - 1} was replaced: entry ${row.seq} was chained to a different entry ${row.seq - 1}`,
        row.seq - 1,
      );
    }
    this.remember(row.hash);
    this.prevHash = row.hash;
    this.expectedSeq = row.seq + 1;
    return true;
  }

  /**
   * The verdict. `head` is the (seq, hash) that every append records beside the log in the same
   * transaction; null means none is recorded, which for a non-empty log means it was deleted.
   */
  finish(head: { seq: number; hash: string } | null): ChainCheck {
    if (this.failure) return this.failure;
    const lastSeq = this.lastSeq;
    const broken = (problem: ChainProblem, firstBadSeq: number, message: string): ChainCheck => ({
      ok: false,
      checked: this.checked,
      firstBadSeq,
      problem,
      message,
    });
    if (!head) {
      if (lastSeq > 0) {
        return broken(
          'truncated',
          lastSeq + 1,
          `The recorded head of the log is missing: entries after ${lastSeq} may have been removed`,
        );
      }
    } else if (head.seq > lastSeq) {
      return broken(
        'truncated',
        lastSeq + 1,
        `The log ends at entry ${lastSeq} but entry ${head.seq} was written: entries were removed from the end`,
      );
    } else if (head.seq < lastSeq) {
      return broken(
        'altered',
        head.seq + 1,
        `Entries ${head.seq + 1} to ${lastSeq} were not written by the audit service (the recorded head is entry ${head.seq})`,
      );
    } else if (head.hash !== this.prevHash) {
      return broken('altered', lastSeq, `Entry ${lastSeq} does not match the recorded head: it was replaced`);
    }
    return {
      ok: true,
      checked: this.checked,
      firstBadSeq: null,
      problem: null,
      message: `${this.checked} entries verified; the chain is intact`,
    };
  }

  private remember(hash: string): void {
    const evicted = this.recentRing[this.ringIndex];
    if (evicted !== undefined) this.recentHashes.delete(evicted);
    this.recentRing[this.ringIndex] = hash;
    this.recentHashes.add(hash);
    this.ringIndex = (this.ringIndex + 1) % RECENT_HASHES;
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
