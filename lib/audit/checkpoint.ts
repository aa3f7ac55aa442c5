import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { sealAuditLog } from './verify-db';

/**
 * The access log's head, anchored outside the database (issue 9 §3; ADR 0021). The hash chain
 * shows an edited, inserted or deleted row — except the newest ones: cut the tail and what is
 * left is still a valid chain. So the worker writes, at least hourly, a checkpoint — the last
 * row's sequence number and hash, the row count, the time — signed with an Ed25519 key that only
 * the worker holds, into a directory the app cannot write (its own volume). `audit:verify`
 * checks the chain against the newest checkpoint with the public key: rows up to it must still
 * be there, with the same hash.
 */
export interface Checkpoint {
  seq: string;
  hash: string;
  count: string;
  at: string;
}
export interface SignedCheckpoint extends Checkpoint {
  signature: string;
}

const payload = (c: Checkpoint) =>
  Buffer.from(JSON.stringify({ seq: c.seq, hash: c.hash, count: c.count, at: c.at }), 'utf8');

export function newCheckpointKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/** The worker's signing key from its base64 PKCS#8 form (throws when it is not one). */
export const privateKeyOf = (b64: string) =>
  crypto.createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });
const publicKeyOf = (b64: string) =>
  crypto.createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });

export function signCheckpoint(c: Checkpoint, privateKeyB64: string): SignedCheckpoint {
  return { ...c, signature: crypto.sign(null, payload(c), privateKeyOf(privateKeyB64)).toString('base64') };
}

export function checkpointSignatureValid(c: SignedCheckpoint, publicKeyB64: string): boolean {
  try {
    return crypto.verify(null, payload(c), publicKeyOf(publicKeyB64), Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The sealed head of the log now, as the owner sees it (ADR 0028: the newest row the sealer linked). */
export async function currentHead(client: pg.Client | pg.PoolClient): Promise<Checkpoint> {
  const { rows } = await client.query(
    `SELECT h."seq"::text AS seq, h."hash", (SELECT count(*)::text FROM "AuditEvent" e WHERE e."hash" IS NOT NULL) AS count
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT e."seq", e."hash" FROM "AuditEvent" e WHERE e."hash" IS NOT NULL ORDER BY e."seq" DESC LIMIT 1) h ON true`,
  );
  const r = rows[0] as { seq: string | null; hash: string | null; count: string };
  return { seq: r.seq ?? '0', hash: r.hash ?? '0'.repeat(64), count: r.count, at: new Date().toISOString() };
}

/** Writes a signed checkpoint of the current head as a new file (never overwrites one). */
export async function writeCheckpoint(
  client: pg.Client | pg.PoolClient,
  dir: string,
  privateKeyB64: string,
): Promise<SignedCheckpoint> {
  await sealAuditLog(client);
  const signed = signCheckpoint(await currentHead(client), privateKeyB64);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `checkpoint-${signed.seq.padStart(12, '0')}-${signed.at.replace(/[:.]/g, '')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(signed, null, 2)}\n`, { flag: 'wx', mode: 0o400 });
  return signed;
}

/** The newest checkpoint in `dir` (by sequence number, then time), or null. */
export function latestCheckpoint(dir: string): SignedCheckpoint | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^checkpoint-\d{12}-.+\.json$/.test(f))
    .sort();
  const last = files.at(-1);
  return last ? (JSON.parse(fs.readFileSync(path.join(dir, last), 'utf8')) as SignedCheckpoint) : null;
}

export type CheckpointResult =
  { ok: true; checkpoint: SignedCheckpoint | null } | { ok: false; problem: string; checkpoint: SignedCheckpoint };

/**
 * The log still holds the checkpoint's row with the same hash, and at least as many rows:
 * deleting the newest rows (or rewriting the whole tail) is detected. A checkpoint whose
 * signature does not verify is itself a finding.
 */
export async function verifyAgainstCheckpoint(
  client: pg.Client | pg.PoolClient,
  dir: string,
  publicKeyB64: string,
): Promise<CheckpointResult> {
  const cp = latestCheckpoint(dir);
  if (!cp) return { ok: true, checkpoint: null };
  if (!checkpointSignatureValid(cp, publicKeyB64))
    return { ok: false, problem: 'de handtekening van het controlepunt klopt niet', checkpoint: cp };
  if (cp.seq === '0') return { ok: true, checkpoint: cp };
  const { rows } = await client.query(`SELECT "hash" FROM "AuditEvent" WHERE "seq" = $1::bigint`, [cp.seq]);
  if (!rows[0])
    return {
      ok: false,
      problem: `rij ${cp.seq} van het controlepunt van ${cp.at} ontbreekt: de nieuwste rijen zijn gewist`,
      checkpoint: cp,
    };
  if (rows[0].hash !== cp.hash)
    return {
      ok: false,
      problem: `rij ${cp.seq} heeft een andere hash dan bij het controlepunt van ${cp.at}`,
      checkpoint: cp,
    };
  const head = await currentHead(client);
  if (BigInt(head.count) < BigInt(cp.count))
    return {
      ok: false,
      problem: `minder rijen (${head.count}) dan bij het controlepunt (${cp.count})`,
      checkpoint: cp,
    };
  return { ok: true, checkpoint: cp };
}
