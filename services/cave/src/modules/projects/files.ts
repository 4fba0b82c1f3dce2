import { randomUUID } from 'node:crypto';
import {
  AppError,
  badRequest,
  conflict,
  notFound,
  type ProjectFile,
  type ProjectFileKind,
} from '@makrx/contracts';
import type { AuditRequester, Database } from '@makrx/db';
import { users } from '@makrx/db/schema';
import type { Bucket } from '@makrx/storage';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordProjectActivity } from './activity';
import { projectFiles, projects } from './tables';

/*
 * A project's files (spec 3, "Project tracking"): models, drawings and documents its editors
 * keep with it. The bytes go to the private bucket before the row is written (and are removed
 * again if the row is refused); they are read through short-lived signed links only. A file is
 * judged by its name's extension and its first bytes, never by the header it came with, and is
 * stored under a content type a browser downloads rather than runs.
 */

/** The largest file a project keeps: a detailed model or a scanned manual. */
export const MAX_PROJECT_FILE_BYTES = 50 * 1024 * 1024;
/** More files than this is a repository, not a project page. */
export const MAX_PROJECT_FILES = 50;
/** How long a download link works. */
export const DOWNLOAD_LINK_SECONDS = 5 * 60;

interface FileType {
  kind: ProjectFileKind;
  contentType: string;
  /** Whether the bytes are what the extension says. */
  looksRight: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, ...signature: number[]) =>
  signature.every((byte, i) => bytes[i] === byte);
const ascii = (bytes: Uint8Array, length: number) =>
  Buffer.from(bytes.subarray(0, length)).toString('latin1');
/** Text: no NUL byte in the first 8 KB. */
const isText = (bytes: Uint8Array) => !bytes.subarray(0, 8192).includes(0);
const isZip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
/** An ASCII STL starts with "solid"; a binary one is 84 bytes of header and count, then 50 per triangle. */
const isStl = (bytes: Uint8Array) => {
  if (/^\s*solid/i.test(ascii(bytes, 80)) && isText(bytes)) return true;
  if (bytes.byteLength < 84) return false;
  const triangles = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(80);
  return bytes.byteLength === 84 + 50 * triangles;
};

const fileTypes: Record<string, FileType> = {
  stl: { kind: 'model', contentType: 'model/stl', looksRight: isStl },
  '3mf': { kind: 'model', contentType: 'model/3mf', looksRight: isZip },
  obj: { kind: 'model', contentType: 'model/obj', looksRight: isText },
  step: { kind: 'model', contentType: 'model/step', looksRight: isText },
  stp: { kind: 'model', contentType: 'model/step', looksRight: isText },
  gcode: { kind: 'model', contentType: 'text/x-gcode', looksRight: isText },
  dxf: { kind: 'drawing', contentType: 'image/vnd.dxf', looksRight: isText },
  pdf: {
    kind: 'document',
    contentType: 'application/pdf',
    looksRight: (b) => ascii(b, 5) === '%PDF-',
  },
  txt: { kind: 'document', contentType: 'text/plain', looksRight: isText },
  md: { kind: 'document', contentType: 'text/markdown', looksRight: isText },
  csv: { kind: 'document', contentType: 'text/csv', looksRight: isText },
  png: {
    kind: 'image',
    contentType: 'image/png',
    looksRight: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47),
  },
  jpg: { kind: 'image', contentType: 'image/jpeg', looksRight: (b) => startsWith(b, 0xff, 0xd8) },
  jpeg: { kind: 'image', contentType: 'image/jpeg', looksRight: (b) => startsWith(b, 0xff, 0xd8) },
  zip: { kind: 'archive', contentType: 'application/zip', looksRight: isZip },
};

/** The extensions a project keeps, for the refusal's details and the app's file picker. */
export const acceptedFileExtensions = Object.keys(fileTypes);

/** What an upload is, or the refusal a person can act on. */
function judgeFile(name: string, bytes: Uint8Array): FileType & { extension: string } {
  if (bytes.byteLength === 0) throw badRequest('EMPTY_UPLOAD', 'The upload has no content.');
  if (bytes.byteLength > MAX_PROJECT_FILE_BYTES) {
    throw new AppError(413, 'FILE_TOO_LARGE', 'Project files may be at most 50 MB.', {
      maxBytes: MAX_PROJECT_FILE_BYTES,
    });
  }
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = fileTypes[extension];
  if (!type || !type.looksRight(bytes)) {
    throw new AppError(
      415,
      'UNSUPPORTED_FILE_TYPE',
      type
        ? `The file is named .${extension} but its content is not.`
        : 'Upload a model (STL, 3MF, OBJ, STEP, G-code), a drawing (DXF), a document (PDF, TXT, MD, CSV), an image (PNG, JPEG) or a ZIP.',
      { accepted: acceptedFileExtensions },
    );
  }
  return { ...type, extension };
}

const fileColumns = {
  id: projectFiles.id,
  name: projectFiles.name,
  kind: projectFiles.kind,
  contentType: projectFiles.contentType,
  byteSize: projectFiles.byteSize,
  createdAt: projectFiles.createdAt,
  uploaderName: users.displayName,
  uploaderHandle: users.username,
};

/** A project's files, newest first. */
export async function filesOf(db: Database, projectId: string): Promise<ProjectFile[]> {
  const rows = await db
    .select(fileColumns)
    .from(projectFiles)
    .leftJoin(users, eq(users.id, projectFiles.uploadedBy))
    .where(eq(projectFiles.projectId, projectId))
    .orderBy(desc(projectFiles.createdAt), projectFiles.name);
  return rows.map(({ uploaderName, uploaderHandle, createdAt, ...file }) => ({
    ...file,
    uploadedBy:
      uploaderName !== null && uploaderHandle !== null
        ? { displayName: uploaderName, handle: uploaderHandle }
        : null,
    createdAt: createdAt.toISOString(),
  }));
}

/** Stores a file with a project, its bytes first, and logs it. */
export async function addProjectFile(
  db: Database,
  bucket: Bucket,
  projectId: string,
  upload: { name: string; bytes: Uint8Array },
  actor: AuditRequester,
): Promise<void> {
  const type = judgeFile(upload.name, upload.bytes);
  const id = randomUUID();
  const storageKey = `projects/${projectId}/${id}.${type.extension}`;
  await bucket.put(storageKey, upload.bytes, { contentType: type.contentType });
  try {
    await db.transaction(async (tx) => {
      // One upload at a time per project, so the count holds until the commit.
      await tx
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.id, projectId))
        .for('update');
      const [counted] = await tx
        .select({ n: sql<number>`cast(count(*) as integer)` })
        .from(projectFiles)
        .where(eq(projectFiles.projectId, projectId));
      if ((counted?.n ?? 0) >= MAX_PROJECT_FILES) {
        throw conflict('TOO_MANY_FILES', `A project keeps at most ${MAX_PROJECT_FILES} files.`, {
          max: MAX_PROJECT_FILES,
        });
      }
      await tx.insert(projectFiles).values({
        id,
        projectId,
        name: upload.name,
        kind: type.kind,
        storageKey,
        contentType: type.contentType,
        byteSize: upload.bytes.byteLength,
        uploadedBy: actor.userId,
      });
      await recordProjectActivity(tx, {
        projectId,
        actorId: actor.userId,
        action: 'file.added',
        summary: `Added the file ${upload.name}`,
        details: { fileId: id, byteSize: upload.bytes.byteLength },
      });
    });
  } catch (err) {
    await bucket.delete(storageKey);
    throw err;
  }
}

/** Removes a file; its bytes go after the commit (a failure leaves bytes, never a gap). */
export async function removeProjectFile(
  db: Database,
  bucket: Bucket,
  projectId: string,
  fileId: string,
  actor: AuditRequester,
): Promise<void> {
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(projectFiles)
      .where(and(eq(projectFiles.id, fileId), eq(projectFiles.projectId, projectId)))
      .returning({ name: projectFiles.name, storageKey: projectFiles.storageKey });
    if (!row) throw notFound('File');
    await recordProjectActivity(tx, {
      projectId,
      actorId: actor.userId,
      action: 'file.removed',
      summary: `Removed the file ${row.name}`,
      details: { fileId },
    });
    return row;
  });
  await bucket.delete(removed.storageKey).catch(() => undefined);
}

/** A short-lived link that downloads one of a project's files. */
export async function downloadLink(
  db: Database,
  bucket: Bucket,
  projectId: string,
  fileId: string,
): Promise<{ url: string; expiresAt: string }> {
  const [row] = await db
    .select({ storageKey: projectFiles.storageKey })
    .from(projectFiles)
    .where(and(eq(projectFiles.id, fileId), eq(projectFiles.projectId, projectId)));
  if (!row) throw notFound('File');
  const url = await bucket.signedUrl(row.storageKey, { expiresInSeconds: DOWNLOAD_LINK_SECONDS });
  return { url, expiresAt: new Date(Date.now() + DOWNLOAD_LINK_SECONDS * 1000).toISOString() };
}

/** The storage keys of a project's files, to remove once the project is gone. */
export async function projectFileKeys(db: Database, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ key: projectFiles.storageKey })
    .from(projectFiles)
    .where(eq(projectFiles.projectId, projectId));
  return rows.map((row) => row.key);
}
