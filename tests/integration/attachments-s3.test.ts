import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAttachment } from '@/lib/attachments/add-attachment';
import { downloadAttachment } from '@/lib/attachments/download-attachment';
import { attachmentStore, blobKeyFor, LocalBlobStore, type BlobStore } from '@/lib/attachments/blob-store';
import { blobResidue, deleteDossierBlobs } from '@/lib/attachments/purge-blobs';
import { S3BlobStore, s3ConfigFrom, type S3Config } from '@/lib/attachments/s3-blob-store';
import { pdf } from '../helpers/files';
import { consensusWorld } from '../helpers/consensus-world';

/**
 * Issue 13 §3 (ADR 0040): the blob store behind one interface — the local directory and an
 * S3-compatible bucket (s3rver, in this process) behave the same, and the use cases work on
 * either: an attachment stored in the bucket is encrypted there and downloads again.
 */
let server: S3rver;
let config: S3Config;
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vhd-s3-'));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: tmp(),
    configureBuckets: [{ name: 'bijlagen', configs: [] }],
  });
  const { port } = await server.run();
  config = {
    endpoint: `http://127.0.0.1:${port}`,
    bucket: 'bijlagen',
    region: 'eu-west-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
  };
});
afterAll(async () => {
  await server?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const stores = (): [string, BlobStore][] => [
  ['local directory', new LocalBlobStore(tmp())],
  ['S3-compatible bucket', new S3BlobStore(config)],
];

describe('issue 13 §3: one BlobStore interface, two stores that behave the same', () => {
  it('put, get, list (all and per dossier), delete — and keys outside the scheme are refused', async () => {
    for (const [name, store] of stores()) {
      const d1 = crypto.randomUUID();
      const d2 = crypto.randomUUID();
      const k1 = blobKeyFor(d1, crypto.randomUUID());
      const k2 = blobKeyFor(d1, crypto.randomUUID());
      const k3 = blobKeyFor(d2, crypto.randomUUID());
      await store.put(k1, Buffer.from('een'));
      await store.put(k2, Buffer.from('twee'));
      await store.put(k3, Buffer.from('drie'));
      expect((await store.get(k2))?.toString(), name).toBe('twee');
      expect(await store.get(blobKeyFor(d1, crypto.randomUUID())), name).toBeNull();
      expect(await store.list(d1), name).toEqual([k1, k2].sort());
      expect(await store.list(), name).toEqual(expect.arrayContaining([k1, k2, k3]));
      expect(await deleteDossierBlobs(store, d1), name).toBe(2);
      expect(await blobResidue(store, [d1]), name).toEqual([]);
      expect(await store.list(d2), name).toEqual([k3]);
      await store.delete(k3);
      await store.delete(k3); // already gone: no error
      expect(await store.list(d2), name).toEqual([]);
      await expect(store.put('../../etc/passwd', Buffer.from('x')), name).rejects.toThrow(/ongeldige sleutel/);
      await expect(store.list('..'), name).rejects.toThrow(/ongeldig/);
    }
  });

  it('issue 13 §3: a document stored in the bucket is encrypted there, downloads again and goes with its dossier', async () => {
    const w = await consensusWorld();
    const store = new S3BlobStore(config);
    const marker = `Emmer-${Date.now()}`;
    const a = await addAttachment(
      w.u.coord.id,
      w.dossier.id,
      { place: 'dossier', category: '10', concernsMemberId: w.victim.id },
      { name: 'Attest.pdf', bytes: new Uint8Array(pdf(marker)) },
      store,
    );
    const key = `${w.dossier.id}/${a.id}`;
    const stored = await store.get(key);
    expect(stored).not.toBeNull();
    expect(stored!.includes(Buffer.from(marker))).toBe(false);
    expect((await downloadAttachment(w.u.police.id, a.id, store)).bytes.equals(pdf(marker))).toBe(true);
    await deleteDossierBlobs(store, w.dossier.id);
    expect(await blobResidue(store, [w.dossier.id])).toEqual([]);
  });

  it('the S3 store is used when ATTACHMENT_S3_* are all set; some but not all is a configuration error', () => {
    const env = {
      ATTACHMENT_S3_ENDPOINT: config.endpoint,
      ATTACHMENT_S3_BUCKET: 'bijlagen',
      ATTACHMENT_S3_ACCESS_KEY_ID: 'S3RVER',
      ATTACHMENT_S3_SECRET_ACCESS_KEY: 'S3RVER',
    };
    expect(s3ConfigFrom({})).toBeNull();
    expect(s3ConfigFrom(env)).toMatchObject({ bucket: 'bijlagen', region: 'us-east-1' });
    expect(() => s3ConfigFrom({ ATTACHMENT_S3_ENDPOINT: config.endpoint })).toThrow(/alle vier of geen/);
    const saved = { ...process.env };
    Object.assign(process.env, env);
    try {
      expect(attachmentStore()).toBeInstanceOf(S3BlobStore);
    } finally {
      for (const k of Object.keys(env)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    expect(attachmentStore()).toBeInstanceOf(LocalBlobStore);
  });
});
