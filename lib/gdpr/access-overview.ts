import 'server-only';
import { z } from '@/lib/validation/zod';
import { useCase, DeniedError, type Tx } from '@/lib/use-case/kernel';
import { can, DOSSIER_FACTS_SELECT } from '@/lib/access/policy';
import { notFound } from '@/lib/errors';
import { fieldKeys } from '@/lib/crypto/keys';
import { decryptField } from '@/lib/crypto/fields';
import { voiceValues } from '@/lib/client-voice/values';
import { formatNationalNumber } from '@/lib/validation/national-number';
import { DATA_CATEGORY_LABEL } from '@/lib/labels';
import { coordinatorDossierWhere, isCoordinatorOf } from './scope';

const id = z.string().uuid();

/** Per dossier, at most this many access-log lines (newest first); `accessLogTruncated` says so. */
export const ACCESS_LOG_LIMIT = 500;

const MEMBER_SELECT = {
  id: true,
  dossierId: true,
  memberRole: true,
  firstName: true,
  lastName: true,
  dateOfBirth: true,
  isMinor: true,
  sex: true,
  nationalNumberEnc: true,
  nationalNumberHmac: true,
  contactEnc: true,
  createdAt: true,
  dossier: { select: DOSSIER_FACTS_SELECT },
} as const;

interface AccessLine {
  occurredAt: Date;
  actorName: string | null;
  organisationName: string | null;
  action: string;
  outcome: string;
}

async function accessLog(tx: Tx, dossierId: string): Promise<AccessLine[]> {
  return tx.$queryRaw<AccessLine[]>`
    SELECT "occurredAt", "actorName", "organisationName", "action", "outcome"
      FROM gdpr_dossier_access_log(${dossierId}::uuid, ${ACCESS_LOG_LIMIT + 1}::int)`;
}

/**
 * GDPR art. 15 (right of access): everything the dossier environment holds about one person,
 * for the coordinator of the holding safe house to answer an access request. The person is the
 * member `memberId` and every other member in the coordinator's dossiers with the same national
 * register number (matched by its HMAC). Per dossier: identification and contact data, the
 * dossier, the referral, the information brought into the conference about them, disclosure
 * proposals about them, and who accessed the dossier when. Each member's record that is read is
 * logged ('gdpr.accessOverview'); a member outside the coordinator's houses is NOT_FOUND
 * (logged as denied).
 */
export async function getAccessOverview(userId: string, memberId: string) {
  if (!id.safeParse(memberId).success) throw notFound();
  return useCase(
    userId,
    { action: 'gdpr.accessOverview', purpose: 'dataSubjectRights' },
    async ({ tx, actor, log }) => {
      const scope = coordinatorDossierWhere(actor);
      const member = await tx.clientMember.findFirst({
        where: { id: memberId, dossier: scope },
        select: MEMBER_SELECT,
      });
      if (!member || !isCoordinatorOf(actor, member.dossier)) {
        throw new DeniedError({
          action: 'gdpr.accessOverview',
          objectType: 'ClientMember',
          objectId: memberId,
          purpose: 'dataSubjectRights',
        });
      }
      const samePerson = member.nationalNumberHmac
        ? await tx.clientMember.findMany({
            where: { nationalNumberHmac: member.nationalNumberHmac, id: { not: member.id }, dossier: scope },
            orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
            select: MEMBER_SELECT,
          })
        : [];
      const members = [member, ...samePerson.filter((m) => isCoordinatorOf(actor, m.dossier))];
      const memberIds = members.map((m) => m.id);
      const dossierIds = [...new Set(members.map((m) => m.dossierId))];

      const [dossiers, referrals, items, proposals, voices, risks] = await Promise.all([
        tx.dossier.findMany({
          where: { AND: [scope, { id: { in: dossierIds } }] },
          select: {
            ...DOSSIER_FACTS_SELECT,
            reference: true,
            clientSystemLabel: true,
            createdAt: true,
            submittedAt: true,
            decidedAt: true,
            closedAt: true,
            retentionUntil: true,
            referrerOrganisationId: true,
            safeHouse: { select: { name: true } },
          },
        }),
        tx.referral.findMany({ where: { dossierId: { in: dossierIds } } }),
        tx.informationItem.findMany({
          where: { concernsMemberId: { in: memberIds }, dossierId: { in: dossierIds } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            dossierId: true,
            concernsMemberId: true,
            category: true,
            content: true,
            createdAt: true,
            organisation: { select: { name: true } },
          },
        }),
        tx.disclosureProposal.findMany({
          where: { memberId: { in: memberIds }, dossierId: { in: dossierIds } },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            dossierId: true,
            memberId: true,
            kind: true,
            ground: true,
            status: true,
            createdAt: true,
            decidedAt: true,
            sharedAt: true,
            _count: { select: { items: true } },
          },
        }),
        // the member's voice and rights (art. 4, art. 16; ADR 0037)
        tx.memberVoice.findMany({ where: { memberId: { in: memberIds }, dossierId: { in: dossierIds } } }),
        // the risk assessments of the trajectory, about the client system (issue 13 §5; ADR 0042)
        tx.riskAssessment.findMany({
          where: { dossierId: { in: dossierIds } },
          orderBy: [{ assessedAt: 'asc' }, { id: 'asc' }],
          select: { id: true, dossierId: true, assessedAt: true, riskLevel: true, reasoningEnc: true },
        }),
      ]);
      // documents attached to the dossier about this person (issue 13 §3; ADR 0040): listed, and
      // downloadable by the coordinator like any attachment of the house
      const attachments = await tx.attachment.findMany({
        where: { concernsMemberId: { in: memberIds }, dossierId: { in: dossierIds } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          concernsMemberId: true,
          category: true,
          fileNameEnc: true,
          mediaType: true,
          sizeBytes: true,
          createdAt: true,
          organisationId: true,
        },
      });
      const attachmentOrganisations = await tx.organisation.findMany({
        where: { id: { in: [...new Set(attachments.map((a) => a.organisationId))] } },
        select: { id: true, name: true },
      });
      const referrerOrganisations = await tx.organisation.findMany({
        where: { id: { in: dossiers.map((d) => d.referrerOrganisationId) } },
        select: { id: true, name: true },
      });
      const logs = new Map<string, AccessLine[]>();
      for (const d of dossierIds) logs.set(d, await accessLog(tx, d));

      const keys = fieldKeys();
      const records = members.flatMap((m) => {
        const d = dossiers.find((x) => x.id === m.dossierId);
        if (!d) return [];
        const referral = referrals.find((r) => r.dossierId === d.id) ?? null;
        const log = logs.get(d.id) ?? [];
        return [
          {
            member: {
              id: m.id,
              memberRole: m.memberRole,
              firstName: m.firstName,
              lastName: m.lastName,
              dateOfBirth: m.dateOfBirth,
              isMinor: m.isMinor,
              sex: m.sex,
              nationalNumber: m.nationalNumberEnc
                ? formatNationalNumber(decryptField(keys, m.nationalNumberEnc))
                : null,
              contact: m.contactEnc ? decryptField(keys, m.contactEnc) : null,
              recordedAt: m.createdAt,
            },
            dossier: {
              id: d.id,
              reference: d.reference,
              status: d.status,
              clientSystemLabel: d.clientSystemLabel,
              safeHouseName: d.safeHouse.name,
              createdAt: d.createdAt,
              submittedAt: d.submittedAt,
              decidedAt: d.decidedAt,
              closedAt: d.closedAt,
              retentionUntil: d.retentionUntil,
              referrerOrganisation: referrerOrganisations.find((o) => o.id === d.referrerOrganisationId)?.name ?? null,
            },
            referral: referral && {
              violenceForms: referral.violenceForms,
              violenceTypes: referral.violenceTypes,
              situation: referral.situation,
              actionsTaken: referral.actionsTaken,
              clientInformed: referral.clientInformed,
              notInformedReason: referral.notInformedReason,
              riskJudgement: referral.riskJudgement,
              riskJudgementReason: referral.riskJudgementReason,
              involvedOrganisations: referral.involvedOrganisations,
              updatedAt: referral.updatedAt,
            },
            informationItems: items
              .filter((i) => i.concernsMemberId === m.id)
              .map((i) => ({
                id: i.id,
                organisation: i.organisation.name,
                category: i.category,
                categoryLabel: DATA_CATEGORY_LABEL[i.category] ?? `Categorie ${i.category}`,
                createdAt: i.createdAt,
                content: i.content,
              })),
            attachments: attachments
              .filter((a) => a.concernsMemberId === m.id)
              .map((a) => ({
                id: a.id,
                organisation: attachmentOrganisations.find((o) => o.id === a.organisationId)?.name ?? '',
                category: a.category,
                categoryLabel: DATA_CATEGORY_LABEL[a.category] ?? `Categorie ${a.category}`,
                fileName: decryptField(keys, a.fileNameEnc),
                mediaType: a.mediaType,
                sizeBytes: a.sizeBytes,
                createdAt: a.createdAt,
              })),
            disclosures: proposals
              .filter((p) => p.memberId === m.id)
              .map((p) => ({
                id: p.id,
                kind: p.kind,
                ground: p.ground,
                status: p.status,
                createdAt: p.createdAt,
                decidedAt: p.decidedAt,
                sharedAt: p.sharedAt,
                itemCount: p._count.items,
              })),
            voice: (() => {
              const v = voices.find((x) => x.memberId === m.id);
              return v ? voiceValues(v, v.viewEnc ? decryptField(keys, v.viewEnc) : '') : null;
            })(),
            riskAssessments: risks
              .filter((x) => x.dossierId === d.id)
              .map((x) => ({
                id: x.id,
                assessedAt: x.assessedAt,
                riskLevel: x.riskLevel,
                reasoning: decryptField(keys, x.reasoningEnc),
              })),
            accessLog: log.slice(0, ACCESS_LOG_LIMIT),
            accessLogTruncated: log.length > ACCESS_LOG_LIMIT,
            canRectify: can(actor, 'gdpr.rectify', d),
          },
        ];
      });

      for (const r of records) {
        await log({
          action: 'gdpr.accessOverview',
          objectType: 'ClientMember',
          objectId: r.member.id,
          dossierId: r.dossier.id,
          safeHouseId: dossiers.find((d) => d.id === r.dossier.id)?.safeHouseId ?? null,
        });
      }
      return { memberId: member.id, records, generatedAt: new Date() };
    },
  );
}

export type AccessOverview = Awaited<ReturnType<typeof getAccessOverview>>;
