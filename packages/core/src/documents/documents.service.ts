import {
  type Document,
  DocumentFileName,
  type DocumentListQuery,
  type DocumentSubjectType,
  type DocumentVerification,
  Sha256Hex,
} from '@aeolus/contracts';
import { count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { inTransaction } from '../db/unit-of-work.js';
import { AppError } from '../errors.js';
import type { Actor } from '../identity/actor.js';
import { authorize, type ResourceRef } from '../identity/authorization.js';
import { sha256Hex } from '../shared/crypto.js';
import { recordChange } from '../shared/record-change.js';
import { fileLabel, formatBytes, refuseDocument } from './document-refusal.js';
import type { DocumentStore } from './document-store.js';
import { toDocument } from './documents.mapper.js';
import * as repo from './documents.repository.js';
import { documents } from './documents.tables.js';
import { acceptDocument } from './inspect-document.js';

/** What the documents use-cases need: the database, the configured store and the size limit. */
export interface DocumentsContext {
  db: Db;
  store: DocumentStore;
  maxBytes: number;
}

export interface UploadDocument {
  attachedToType: DocumentSubjectType;
  attachedToId: string;
  bytes: Uint8Array;
  /** The uploader's file name and Content-Type: claims, checked against the content. */
  fileName?: string;
  declaredMime?: string;
}

const SUBJECT_NAME: Record<DocumentSubjectType, string> = {
  organisation: 'Organisation',
  aeo_application: 'AEO application',
};

/**
 * Who may see a subject, as a ResourceRef for `authorize`. Access to a document follows access to what
 * it is attached to (issue 3, item 5):
 * - an organisation's general evidence: that organisation only;
 * - an AEO case: the operator who applied, and its administration once the case has left draft (a
 *   trader's unfinished draft and its evidence are the trader's own until submitted).
 * Undefined when the subject does not exist; callers answer that exactly like "not yours" (404).
 */
async function subjectAccess(
  db: Db | Tx,
  subject: { attachedToType: string; attachedToId: string },
): Promise<ResourceRef | undefined> {
  switch (subject.attachedToType as DocumentSubjectType) {
    case 'organisation':
      return { organisationId: subject.attachedToId };
    case 'aeo_application': {
      const parties = await repo.findApplicationParties(db, subject.attachedToId);
      if (!parties) return undefined;
      return {
        organisationId: parties.operatorId,
        sharedWith: parties.status === 'draft' ? [] : [parties.administrationId],
      };
    }
    default:
      return undefined;
  }
}

async function authorizeSubject(
  db: Db | Tx,
  actor: Actor,
  action: 'documents:upload' | 'documents:read',
  subject: { attachedToType: string; attachedToId: string },
  what: string,
): Promise<ResourceRef> {
  const resource = await subjectAccess(db, subject);
  if (!resource) throw AppError.notFound(what);
  authorize(actor, action, resource, what);
  return resource;
}

/**
 * Serialises every writer of one digest (upload commits and failed-upload clean-ups) so that a file is
 * deleted only while no row refers to it, and a row is committed only while its file exists.
 */
async function lockDigest(tx: Tx, sha256: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`document:${sha256}`}, 0))`);
}

/**
 * Uploads evidence: authorize → check the subject → inspect (type by content, PDF parsing, encrypted or
 * corrupt refusal, signatures) → store → row + audit + event in one transaction. A refused file is never
 * stored; if the transaction fails after storing, the file is removed again unless another document row
 * already refers to the same bytes (the store is content-addressed, so identical uploads share a file).
 */
export async function uploadDocument(
  ctx: DocumentsContext,
  actor: Actor,
  input: UploadDocument,
): Promise<Document> {
  authorize(actor, 'documents:upload');
  const name = input.fileName === undefined ? undefined : DocumentFileName.safeParse(input.fileName);
  if (name && !name.success) {
    throw AppError.validation([{ path: 'file.filename', message: name.error.issues[0]!.message }]);
  }
  const subject = { attachedToType: input.attachedToType, attachedToId: input.attachedToId };
  const what = SUBJECT_NAME[input.attachedToType];
  const resource = await authorizeSubject(ctx.db, actor, 'documents:upload', subject, what);
  // The tenant the row belongs to: the uploader's organisation (the system actor acts for the owner).
  const organisationId = actor.kind === 'system' ? resource.organisationId! : actor.organisationId;

  const { inspection, stored } = await acceptDocument(ctx.store, {
    bytes: input.bytes,
    declaredName: name?.data,
    declaredMime: input.declaredMime,
    maxBytes: ctx.maxBytes,
  });
  try {
    const row = await inTransaction(ctx.db, async (tx) => {
      await lockDigest(tx, inspection.sha256);
      // A concurrent failed upload of the same bytes may have removed the file before we took the lock.
      if (!(await ctx.store.has(inspection.sha256))) await ctx.store.put(input.bytes);
      const created = await repo.insertDocument(tx, {
        organisationId,
        sha256: inspection.sha256,
        size: inspection.size,
        mime: inspection.mime,
        kind: inspection.kind,
        originalName: name?.data ?? `document.${inspection.kind}`,
        pageCount: inspection.pageCount ?? null,
        signatures: inspection.signatures,
        attachedToType: input.attachedToType,
        attachedToId: input.attachedToId,
        uploadedBy: actor.kind === 'system' ? null : actor.userId,
      });
      const facts = {
        documentId: created.id,
        sha256: created.sha256,
        kind: created.kind,
        size: created.size,
        attachedToType: created.attachedToType,
        attachedToId: created.attachedToId,
      };
      await recordChange(tx, actor, {
        action: 'document.uploaded',
        subjectType: 'document',
        subjectId: created.id,
        organisationId,
        summary: { after: { ...facts, originalName: created.originalName } },
        event: facts,
      });
      return created;
    });
    return toDocument(row);
  } catch (error) {
    if (stored.created) await removeIfUnreferenced(ctx, inspection.sha256);
    throw error;
  }
}

/** Undo of the store step (Medusa-style compensation); never masks the error that caused it. */
async function removeIfUnreferenced(ctx: DocumentsContext, sha256: string): Promise<void> {
  try {
    await inTransaction(ctx.db, async (tx) => {
      await lockDigest(tx, sha256);
      const [row] = await tx.select({ n: count() }).from(documents).where(eq(documents.sha256, sha256));
      if ((row?.n ?? 0) === 0) await ctx.store.delete(sha256);
    });
  } catch {
    // Left behind, the file is an unreferenced blob: harmless, and found by a retention sweep.
  }
}

async function getVisibleDocument(ctx: Pick<DocumentsContext, 'db'>, actor: Actor, id: string) {
  authorize(actor, 'documents:read');
  const row = await repo.findDocument(ctx.db, id);
  // Same answer for "no such document" and "attached to something you cannot see".
  if (!row) throw AppError.notFound('Document');
  await authorizeSubject(ctx.db, actor, 'documents:read', row, 'Document');
  return row;
}

export async function getDocument(
  ctx: Pick<DocumentsContext, 'db'>,
  actor: Actor,
  input: { id: string },
): Promise<Document> {
  return toDocument(await getVisibleDocument(ctx, actor, input.id));
}

/** The document and its bytes, re-hashed by the store on read (a damaged copy is never served). */
export async function getDocumentContent(
  ctx: DocumentsContext,
  actor: Actor,
  input: { id: string },
): Promise<{ document: Document; bytes: Uint8Array }> {
  const row = await getVisibleDocument(ctx, actor, input.id);
  return { document: toDocument(row), bytes: await ctx.store.get(row.sha256) };
}

export async function listDocuments(
  ctx: Pick<DocumentsContext, 'db'>,
  actor: Actor,
  query: DocumentListQuery,
): Promise<Document[]> {
  authorize(actor, 'documents:read');
  await authorizeSubject(ctx.db, actor, 'documents:read', query, SUBJECT_NAME[query.attachedToType]);
  return (await repo.listDocumentsAttachedTo(ctx.db, query)).map(toDocument);
}

export type VerifyDocument = { sha256: string } | { bytes: Uint8Array };

/**
 * Public check by hash, for anyone holding a document (no account). PRIVACY RULE: the answer says only
 * whether the platform knows these exact bytes, whether it still holds them, and when it first received
 * them — never who uploaded them, their name, kind, or what they are attached to. Whoever holds a file
 * learns nothing from us about anyone else; whoever guesses a hash learns at most that it exists.
 */
export async function verifyDocument(
  ctx: DocumentsContext,
  input: VerifyDocument,
): Promise<DocumentVerification> {
  let sha256: string;
  if ('bytes' in input) {
    if (input.bytes.length === 0) {
      throw AppError.validation([{ path: 'file', message: 'is empty (0 bytes)' }]);
    }
    if (input.bytes.length > ctx.maxBytes) throw documentTooLarge({ maxBytes: ctx.maxBytes });
    sha256 = sha256Hex(input.bytes);
  } else {
    const parsed = Sha256Hex.safeParse(input.sha256);
    if (!parsed.success) {
      throw AppError.validation([{ path: 'body.sha256', message: parsed.error.issues[0]!.message }]);
    }
    sha256 = parsed.data;
  }
  const first = await repo.firstUploadOf(ctx.db, sha256);
  if (!first) return { known: false, sha256 };
  return { known: true, unchanged: await ctx.store.has(sha256), sha256, uploadedAt: first.toISOString() };
}

/** The refusal for a file found too large while it streams in (before its bytes are all read). */
export function documentTooLarge(input: { fileName?: string; maxBytes: number }): AppError {
  return refuseDocument(
    'TOO_LARGE',
    `${fileLabel(input.fileName)} is over the limit of ${formatBytes(input.maxBytes)}. Reduce its size (for a scan, a lower resolution usually suffices) and upload it again.`,
    { maxBytes: input.maxBytes },
  );
}
