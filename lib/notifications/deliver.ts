import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { appLink, sendMail } from '@/lib/mail/transport';
import { safeHouseNames } from '@/lib/db/house-names';
import { brusselsToday } from '@/lib/time';
import { addWorkingDays } from '@/lib/working-days';
import { defaultMode, type NotificationKind, type NotificationMode } from './kinds';
import { composeDigestMail, composeNotificationMail } from './mail';

/**
 * The worker's side of the notifications (ADR 0039), as the database owner:
 * - `deliverImmediate`: mails each notification whose recipient chose "at once" (every minute);
 * - `sendDigests`: one mail per user who chose the digest, with counts per kind (07:00 Brussels);
 * - `scanActionReminders`: notifications for actions due within two working days or overdue,
 *   once per action and state (06:30 Brussels, before the digest).
 *
 * Never twice: a mail is first CLAIMED — a NotificationDelivery row under a unique idempotency key
 * ("n:<notification>", "digest:<user>:<day>"), and the notifications it covers point to it — and
 * that claim is committed BEFORE the mail is handed to the SMTP server. A second or concurrent
 * run finds the key taken and sends nothing. A refused or unreachable server is recorded FAILED
 * and retried by the next run (at most 5 attempts), re-claimed with a conditional update so two
 * runs never retry the same mail. A crash after the claim and before the outcome is recorded
 * leaves it SENDING, which is never sent again: at most once (a lost mail is still in the app's
 * list of notifications; a duplicate would be a mail nobody asked for).
 */

const MAX_ATTEMPTS = 5;
/** Older notifications are not news any more; they stay in the list in the application. */
const MAX_AGE_MS = 48 * 3_600_000;

/** Limits a run to some users (an operator's re-run, or a test beside others on one database). */
export interface DeliveryScope {
  userIds?: string[];
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

interface Candidate {
  id: string;
  userId: string;
  kind: NotificationKind;
  mode: NotificationMode | null;
  roles: Role[];
}

/** Unmailed, unread, recent notifications and their recipient's choice (null: the default of the roles). */
async function candidates(
  owner: PrismaClient,
  now: Date,
  scope: DeliveryScope,
): Promise<(Candidate & { effective: NotificationMode })[]> {
  const users = scope.userIds ?? null;
  const rows = await owner.$queryRaw<Candidate[]>`
    SELECT n."id", n."userId", n."kind", p."mode",
           coalesce((SELECT array_agg(r."role"::text) FROM "RoleAssignment" r WHERE r."userId" = n."userId"), '{}') AS roles
      FROM "Notification" n
      JOIN "User" u ON u."id" = n."userId" AND u."active"
      LEFT JOIN "NotificationPreference" p ON p."userId" = n."userId" AND p."kind" = n."kind"
     WHERE n."deliveryId" IS NULL AND NOT n."directMail" AND n."readAt" IS NULL
       AND n."createdAt" > ${new Date(now.getTime() - MAX_AGE_MS)} AND n."createdAt" <= ${now}
       AND (${users}::uuid[] IS NULL OR n."userId" = ANY (${users}::uuid[]))
     ORDER BY n."createdAt", n."id"
     LIMIT 2000`;
  return rows.map((r) => ({ ...r, effective: r.mode ?? defaultMode(r.kind, r.roles) }));
}

/** Claims one mail: the delivery row and the notifications it covers, committed together. Null: taken. */
async function claim(
  owner: PrismaClient,
  key: string,
  userId: string,
  kind: 'IMMEDIATE' | 'DIGEST',
  notificationIds: string[],
): Promise<string | null> {
  return owner
    .$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "NotificationDelivery" ("idempotencyKey", "userId", "kind")
      VALUES (${key}, ${userId}::uuid, ${kind}) ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id"`;
      if (!row) return null;
      const covered = await tx.notification.updateMany({
        where: { id: { in: notificationIds }, deliveryId: null },
        data: { deliveryId: row.id },
      });
      if (covered.count === 0) throw new Rollback();
      return row.id;
    })
    .catch((err: unknown) => {
      if (err instanceof Rollback) return null;
      throw err;
    });
}
class Rollback extends Error {}

/** Composes and sends the claimed mail, then records the outcome. */
async function send(owner: PrismaClient, deliveryId: string): Promise<boolean> {
  const delivery = await owner.notificationDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
  const [user, covered] = await Promise.all([
    owner.user.findUnique({ where: { id: delivery.userId }, select: { email: true, active: true } }),
    owner.notification.findMany({ where: { deliveryId }, select: { kind: true, safeHouseId: true } }),
  ]);
  const url = appLink('/meldingen');
  let outcome: { delivered: true } | { delivered: false; reason: string };
  if (!user?.active || covered.length === 0) outcome = { delivered: false, reason: 'no-recipient' };
  else if (!url) outcome = { delivered: false, reason: 'no-base-url' };
  else {
    const houses = await safeHouseNames(
      owner,
      covered.map((c) => c.safeHouseId),
    );
    const houseOf = (id: string | null) => (id && houses.get(id)) || 'Veilig Huis Dossier';
    const mail =
      delivery.kind === 'IMMEDIATE'
        ? composeNotificationMail({
            to: user.email,
            kind: covered[0]!.kind as NotificationKind,
            safeHouseName: houseOf(covered[0]!.safeHouseId),
            url,
          })
        : composeDigestMail({ to: user.email, lines: digestLines(covered, houseOf), url });
    outcome = await sendMail(mail);
  }
  if (outcome.delivered) {
    await owner.notificationDelivery.update({
      where: { id: deliveryId },
      data: { status: 'SENT', sentAt: new Date(), failure: null },
    });
    return true;
  }
  await owner.notificationDelivery.update({
    where: { id: deliveryId },
    data: { status: 'FAILED', failure: outcome.reason.slice(0, 100) },
  });
  return false;
}

function digestLines(covered: { kind: string; safeHouseId: string | null }[], houseOf: (id: string | null) => string) {
  const counts = new Map<string, { safeHouseName: string; kind: NotificationKind; count: number }>();
  for (const c of covered) {
    const key = `${houseOf(c.safeHouseId)}|${c.kind}`;
    const line = counts.get(key) ?? {
      safeHouseName: houseOf(c.safeHouseId),
      kind: c.kind as NotificationKind,
      count: 0,
    };
    line.count++;
    counts.set(key, line);
  }
  return [...counts.values()].sort(
    (a, b) => a.safeHouseName.localeCompare(b.safeHouseName) || a.kind.localeCompare(b.kind),
  );
}

/** The failed mails of `kind` that may be tried again, each re-claimed by one run only. */
async function retryFailed(
  owner: PrismaClient,
  kind: 'IMMEDIATE' | 'DIGEST',
  report: DeliveryReport,
  scope: DeliveryScope,
) {
  const failed = await owner.notificationDelivery.findMany({
    where: {
      kind,
      status: 'FAILED',
      attempts: { lt: MAX_ATTEMPTS },
      ...(scope.userIds ? { userId: { in: scope.userIds } } : {}),
    },
    select: { id: true },
    orderBy: { claimedAt: 'asc' },
    take: 500,
  });
  for (const f of failed) {
    const reclaimed = await owner.notificationDelivery.updateMany({
      where: { id: f.id, status: 'FAILED', attempts: { lt: MAX_ATTEMPTS } },
      data: { status: 'SENDING', attempts: { increment: 1 }, claimedAt: new Date() },
    });
    if (reclaimed.count !== 1) continue;
    if (await send(owner, f.id)) report.sent++;
    else report.failed++;
  }
}

/** The mails "at once": failed ones again, then every new notification of someone who chose that. */
export async function deliverImmediate(
  owner: PrismaClient,
  now = new Date(),
  scope: DeliveryScope = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  await retryFailed(owner, 'IMMEDIATE', report, scope);
  for (const c of await candidates(owner, now, scope)) {
    if (c.effective !== 'IMMEDIATE') continue;
    const id = await claim(owner, `n:${c.id}`, c.userId, 'IMMEDIATE', [c.id]);
    if (!id) continue;
    if (await send(owner, id)) report.sent++;
    else report.failed++;
  }
  return report;
}

/** The daily digest: one mail per user who chose it and has something new; once per Brussels day. */
export async function sendDigests(
  owner: PrismaClient,
  now = new Date(),
  scope: DeliveryScope = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0 };
  await retryFailed(owner, 'DIGEST', report, scope);
  const day = brusselsToday(now);
  const perUser = new Map<string, string[]>();
  for (const c of await candidates(owner, now, scope)) {
    if (c.effective !== 'DIGEST') continue;
    perUser.set(c.userId, [...(perUser.get(c.userId) ?? []), c.id]);
  }
  for (const [userId, ids] of perUser) {
    const id = await claim(owner, `digest:${userId}:${day}`, userId, 'DIGEST', ids);
    if (!id) continue;
    if (await send(owner, id)) report.sent++;
    else report.failed++;
  }
  return report;
}

/**
 * The reminders of the action plans (issue 12 §6; ADR 0034, 0039): every open action of a running
 * trajectory due within two working days (Belgian holidays, lib/working-days.ts) or overdue tells
 * its owner person — or, without one, the participants of its owner organisation — once per action
 * and state (the dedupe key), however often the scan runs. Returns how many notifications it added.
 */
export async function scanActionReminders(owner: PrismaClient, now = new Date()): Promise<number> {
  const today = brusselsToday(now);
  const soon = addWorkingDays(today, 2);
  return owner.$executeRaw`
    WITH due AS (
      SELECT a."id", a."dossierId", a."safeHouseId", a."ownerUserId", a."ownerOrganisationId",
             CASE WHEN a."dueDate" < ${today}::date THEN 'ACTION_OVERDUE' ELSE 'ACTION_DUE' END AS kind
        FROM "PlanAction" a JOIN "Dossier" d ON d."id" = a."dossierId"
       WHERE a."status" = 'OPEN' AND a."dueDate" IS NOT NULL AND a."dueDate" <= ${soon}::date
         AND d."status" = 'IN_TRAJECTORY'
    )
    INSERT INTO "Notification" ("userId", "kind", "safeHouseId", "dossierId", "linkPath", "dedupeKey")
    SELECT DISTINCT p."userId", due.kind, due."safeHouseId", due."dossierId", '/acties', due.kind || ':' || due."id"
      FROM due
      JOIN "CaseParticipant" p ON p."dossierId" = due."dossierId" AND p."leftAt" IS NULL AND p."acceptedAt" IS NOT NULL
       AND ((due."ownerUserId" IS NOT NULL AND p."userId" = due."ownerUserId")
            OR (due."ownerUserId" IS NULL AND p."organisationId" = due."ownerOrganisationId"))
      JOIN "User" u ON u."id" = p."userId" AND u."active"
    ON CONFLICT ("userId", "dedupeKey") DO NOTHING`;
}
