/**
 * Another installation of Veilig Huis Dossier, for the round trip of issue 14 §4 (ADR 0047): its
 * own database (migrated fresh), its own field keys and HMAC key, its own blob store, its own safe
 * house and coordinator — run as a separate process, as a real second installation is. It imports
 * the archive through the app's own use case, as that coordinator, and prints one JSON line: the
 * imported dossier's content read back with ITS keys (tests/helpers/dossier-content.ts), the
 * provenance, whether its national-number lookups work with its own HMAC key, and the verdict of
 * its access-log chain.
 *
 *   npx tsx --conditions=react-server tests/helpers/second-installation.ts <archive>
 *
 * Environment: SECOND_SERVER_URL, SECOND_DATABASE, ARCHIVE_PASSPHRASE, APP_DB_PASSWORD,
 * NEXTAUTH_SECRET, FIELD_ENCRYPTION_KEYS, FIELD_ENCRYPTION_KEY_ID, LOOKUP_HMAC_KEY, ATTACHMENT_DIR.
 */
import fs from 'node:fs';
import pg from 'pg';
import { attachmentStore } from '@/lib/attachments/blob-store';
import { verifyAuditLog } from '@/lib/audit/verify-db';
import { decryptField, lookupHmac, parseFieldKeys } from '@/lib/crypto/fields';
import { setSessionTokenResolver } from '@/lib/db/session-token';
import { importDossier } from '@/lib/dossier-export/import-dossier';
import { makeOrganisation, makeSafeHouse, makeUser } from '@/prisma/factories';
import { prepareDatabase } from '@/scripts/lib/database';
import { unsafeOwnerClient } from '@/scripts/lib/owner';
import { pointAppAt } from './app-env';
import { dossierContent } from './dossier-content';
import { hashSessionToken, newSessionToken } from './session-token';

const need = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} ontbreekt`);
  return v;
};

async function main() {
  const archivePath = process.argv[2];
  if (!archivePath) throw new Error('gebruik: second-installation.ts <archief>');
  const db = await prepareDatabase(need('SECOND_SERVER_URL'), {
    database: need('SECOND_DATABASE'),
    fresh: true,
    appPassword: need('APP_DB_PASSWORD'),
    quiet: true,
  });
  const secrets = {
    NEXTAUTH_SECRET: need('NEXTAUTH_SECRET'),
    FIELD_ENCRYPTION_KEYS: need('FIELD_ENCRYPTION_KEYS'),
    FIELD_ENCRYPTION_KEY_ID: need('FIELD_ENCRYPTION_KEY_ID'),
    LOOKUP_HMAC_KEY: need('LOOKUP_HMAC_KEY'),
  };
  pointAppAt(db.appUrl, secrets);
  const keys = parseFieldKeys(secrets.FIELD_ENCRYPTION_KEYS, secrets.FIELD_ENCRYPTION_KEY_ID, secrets.LOOKUP_HMAC_KEY);
  const owner = unsafeOwnerClient(db.ownerUrl);

  // the receiving safe house and its coordinator, signed in (a live, completed session)
  const house = await makeSafeHouse(owner, { code: 'GNT', name: 'Veilig Huis Gent (tweede installatie)' });
  const org = await makeOrganisation(owner, { kind: 'AGENCY_JUSTICE_ENFORCEMENT' });
  const coordinator = await makeUser(owner, {
    organisationId: org.id,
    roles: [{ role: 'COORDINATOR', safeHouseId: house.id }],
  });
  const token = newSessionToken();
  const now = new Date();
  await owner.authSession.create({
    data: {
      userId: coordinator.id,
      tokenHash: hashSessionToken(token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      idleMinutes: 60,
      secondFactorAt: now,
      secondFactorMethod: 'TOTP',
    },
  });
  setSessionTokenResolver(async () => token);

  const out = await importDossier(coordinator.id, {
    passphrase: need('ARCHIVE_PASSPHRASE'),
    file: fs.readFileSync(archivePath),
  });
  const content = await dossierContent(owner, keys, attachmentStore(), out.dossierId);
  const dossier = await owner.dossier.findUniqueOrThrow({ where: { id: out.dossierId } });
  const provenance = await owner.dossierImport.findUniqueOrThrow({ where: { dossierId: out.dossierId } });
  const members = await owner.clientMember.findMany({ where: { dossierId: out.dossierId } });
  const c = new pg.Client({ connectionString: db.ownerUrl });
  await c.connect();
  const chain = await verifyAuditLog(c);
  const imports = await c.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'dossier.import'`);
  await c.end();
  process.stdout.write(
    `${JSON.stringify({
      content,
      reference: dossier.reference,
      status: dossier.status,
      safeHouseCode: house.code,
      provenance: {
        sourceReference: provenance.sourceReference,
        sourceStatus: provenance.sourceStatus,
        sourceSafeHouseCode: provenance.sourceSafeHouseCode,
      },
      // a national number is found again under THIS installation's HMAC key
      lookups: members
        .filter((m) => m.nationalNumberEnc)
        .map((m) => ({
          hmac: m.nationalNumberHmac,
          matchesOwnKey: m.nationalNumberHmac === lookupHmac(keys, decryptField(keys, m.nationalNumberEnc!)),
        })),
      chain,
      importEvents: imports.rows[0].n,
    })}\n`,
  );
  await owner.$disconnect();
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
