import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { S3BlobStore, s3ConfigFrom } from './s3-blob-store';

/**
 * Where attachment files lie (ADR 0040), behind one interface so that another store (an
 * S3-compatible one) can take the local disk's place. Keys are `<dossierId>/<attachmentId>`
 * (two UUIDs): a dossier's files share its prefix, which is how the purge removes them.
 * What is stored is already encrypted (blob-crypto.ts); a store never sees plaintext.
 */
export interface BlobStore {
  put(key: string, bytes: Buffer): Promise<void>;
  /** null when there is no such blob */
  get(key: string): Promise<Buffer | null>;
  /** no error when it is already gone */
  delete(key: string): Promise<void>;
  /** every key, or those under `prefix` (a dossier id) */
  list(prefix?: string): Promise<string[]>;
  /** when the blob was written, if the store knows (the orphan sweep spares recent writes) */
  writtenAt?(key: string): Promise<Date | null>;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^${UUID}/${UUID}$`);
/** a key, or a write that was interrupted before its rename */
const STORED = new RegExp(`^${UUID}/${UUID}(\\.[0-9a-f]{12}\\.tmp)?$`);
const PREFIX = new RegExp(`^${UUID}$`);

export function blobKeyFor(dossierId: string, attachmentId: string): string {
  const key = `${dossierId}/${attachmentId}`;
  if (!KEY.test(key)) throw new Error('ongeldige sleutel voor een bijlage');
  return key;
}

/** Files in a directory: one sub-directory per dossier, one file per attachment. */
export class LocalBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private file(key: string): string {
    // only two UUIDs: nothing can point outside the root
    if (!STORED.test(key)) throw new Error('ongeldige sleutel voor een bijlage');
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    if (!KEY.test(key)) throw new Error('ongeldige sleutel voor een bijlage');
    const target = this.file(key);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    // written aside and renamed: a reader never sees half a file
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, bytes, { mode: 0o600, flag: 'wx' });
    await fs.rename(tmp, target);
  }

  async get(key: string): Promise<Buffer | null> {
    return fs.readFile(this.file(key)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
  }

  async delete(key: string): Promise<void> {
    const target = this.file(key);
    await fs.rm(target, { force: true });
    // the dossier's directory goes when it is empty
    await fs.rmdir(path.dirname(target)).catch(() => undefined);
  }

  async writtenAt(key: string): Promise<Date | null> {
    return fs.stat(this.file(key)).then(
      (st) => st.mtime,
      () => null,
    );
  }

  async list(prefix?: string): Promise<string[]> {
    if (prefix !== undefined && !PREFIX.test(prefix)) throw new Error('ongeldig voorvoegsel');
    const dirs = prefix ? [prefix] : await fs.readdir(this.root).catch(() => [] as string[]);
    const keys: string[] = [];
    for (const dir of dirs) {
      if (!PREFIX.test(dir)) continue;
      const files = await fs.readdir(path.join(this.root, dir)).catch(() => [] as string[]);
      // a leftover .tmp of an interrupted write counts too: it is a file of this dossier
      for (const f of files) keys.push(`${dir}/${f}`);
    }
    return keys.sort();
  }
}

/** The directory of the local store: ATTACHMENT_DIR, else .data/attachments under the working directory. */
export function attachmentDir(source: Record<string, string | undefined> = process.env): string {
  return path.resolve(source.ATTACHMENT_DIR || path.join('.data', 'attachments'));
}

let cached: { where: string; store: BlobStore } | undefined;
/**
 * The configured store: an S3-compatible bucket when ATTACHMENT_S3_* are set, else the local
 * directory ATTACHMENT_DIR (ADR 0040).
 */
export function attachmentStore(): BlobStore {
  const s3 = s3ConfigFrom();
  const where = s3 ? `s3:${s3.endpoint}/${s3.bucket}` : `dir:${attachmentDir()}`;
  if (!cached || cached.where !== where) {
    cached = { where, store: s3 ? new S3BlobStore(s3) : new LocalBlobStore(attachmentDir()) };
  }
  return cached.store;
}
