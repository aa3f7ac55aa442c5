import { z } from 'zod';

/**
 * The dossier as a portable file, format version 1 (issue 14 §4; ADR 0047): the JSON part of the
 * archive. Published as docs/schemas/dossier-export-v1.schema.json (generated from this schema by
 * scripts/dossier-export-schema.ts; a test keeps the two equal). Plain zod (no Dutch locale
 * config) so the generated JSON Schema does not depend on module load order.
 */
export const EXPORT_FORMAT = 'vhd.dossier-export';
export const EXPORT_VERSION = 1;

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const riskLevel = z.enum(['LOW', 'ELEVATED', 'HIGH', 'ACUTE']);

export const memberSchema = z.object({
  ref: z.string().min(1).max(64).describe('id within this archive; attachments refer to it'),
  memberRole: z.string().min(1).max(40),
  firstName: z.string().max(200),
  lastName: z.string().max(200),
  dateOfBirth: isoDate.nullable(),
  isMinor: z.boolean(),
  sex: z.string().max(20),
  nationalNumber: z.string().max(20).nullable(),
  contact: z.string().max(2000).nullable(),
  safeAddress: z.boolean(),
});

export const attachmentEntrySchema = z.object({
  ref: z.string().min(1).max(64),
  path: z
    .string()
    .regex(/^attachments\/[A-Za-z0-9-]{1,64}$/)
    .describe('entry in the zip'),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(100),
  sizeBytes: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  category: z.int().min(1).max(14),
  context: z.string().max(40),
  concernsMemberRef: z.string().max(64).nullable(),
});

export const documentEntrySchema = z.object({
  path: z
    .string()
    .regex(/^documents\/[a-z0-9-]{1,64}\.pdf$/)
    .describe('entry in the zip'),
  title: z.string().min(1).max(200),
  mediaType: z.literal('application/pdf'),
  sizeBytes: z.int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const dossierExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoDateTime,
  purpose: z.enum(['transfer', 'accessRequest']),
  source: z.object({
    installation: z.string().max(200),
    safeHouseCode: z.string().max(20),
    reference: z.string().max(64),
  }),
  dossier: z.object({
    status: z.string().max(40),
    clientSystemLabel: z.string().min(1).max(200),
    createdAt: isoDateTime,
    submittedAt: isoDateTime.nullable(),
    decidedAt: isoDateTime.nullable(),
    closedAt: isoDateTime.nullable(),
    decisionReasons: z.string().max(20000).nullable(),
    closureReasons: z.string().max(20000).nullable(),
  }),
  members: z.array(memberSchema).max(100),
  referral: z
    .object({
      violenceForms: z.array(z.string().max(100)).max(50),
      violenceTypes: z.array(z.string().max(100)).max(50),
      situation: z.string().max(50000),
      actionsTaken: z.string().max(50000),
      clientInformed: z.boolean().nullable(),
      notInformedReason: z.string().max(20000).nullable(),
      riskAnswers: z.record(z.string().max(100), z.enum(['YES', 'NO', 'UNKNOWN'])),
      riskScore: z.int().nonnegative(),
      riskJudgement: riskLevel.nullable(),
      riskJudgementReason: z.string().max(20000),
      involvedOrganisations: z.string().max(20000),
    })
    .nullable(),
  riskAssessments: z
    .array(
      z.object({
        assessedAt: isoDateTime,
        riskAnswers: z.record(z.string().max(100), z.enum(['YES', 'NO', 'UNKNOWN'])),
        riskScore: z.int().nonnegative(),
        riskLevel,
        reasoning: z.string().max(20000),
        asCaseDirector: z.boolean(),
      }),
    )
    .max(1000),
  decisions: z.array(z.object({ createdAt: isoDateTime, text: z.string().max(50000) })).max(1000),
  /** the minutes per conference session (art. 13); absent in the first files of version 1 */
  minutes: z
    .array(
      z.object({
        sessionStartsAt: isoDateTime,
        location: z.string().max(500),
        text: z.string().max(200000),
        finalisedAt: isoDateTime.nullable(),
      }),
    )
    .max(1000)
    .default([]),
  plan: z
    .array(
      z.object({
        title: z.string().max(2000),
        createdAt: isoDateTime,
        actions: z
          .array(
            z.object({
              description: z.string().max(20000),
              ownerOrganisation: z.string().max(300),
              dueDate: isoDate.nullable(),
              status: z.enum(['OPEN', 'DONE', 'CANCELLED']),
              doneAt: isoDateTime.nullable(),
              doneNote: z.string().max(20000).nullable(),
            }),
          )
          .max(500),
      }),
    )
    .max(200),
  attachments: z.array(attachmentEntrySchema).max(200),
  /** readable documents made at export: the minutes, decisions and plan as PDF (not imported) */
  documents: z.array(documentEntrySchema).max(10).default([]),
});

export type DossierExport = z.infer<typeof dossierExportSchema>;
export type DossierExportInput = z.input<typeof dossierExportSchema>;

/** The published JSON Schema (draft 2020-12), from the zod schema. */
export function dossierExportJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://veilighuis.example/schemas/dossier-export-v1.schema.json',
    title: 'Veilig Huis Dossier — exportbestand van één dossier, versie 1',
    ...z.toJSONSchema(dossierExportSchema, { target: 'draft-2020-12', io: 'input' }),
  };
}
