import 'server-only';
import { z } from '@/lib/validation/zod';
import { dossierUseCase, type Tx } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { validateForm } from '@/lib/validation/form';
import { informationItemSchema } from './schemas';

/**
 * A private preparation note has the shape of the information it may become, under names of its
 * own: the note form and the information forms share one page, and field ids follow field names.
 */
export const preparationNoteSchema = z.object({
  noteCategory: informationItemSchema.shape.category,
  noteMemberId: informationItemSchema.shape.concernsMemberId,
  noteContent: informationItemSchema.shape.content,
});
export type PreparationNoteValues = { noteCategory: string; noteMemberId: string; noteContent: string };

/** The need of every note use case: a participant of a case in trajectory (ADR 0033). */
export const prepareNeed = (dossierId: string) =>
  ({
    action: 'conference.prepare',
    purpose: 'caseConference',
    dossierId,
    notNow: 'Dit dossier is niet (meer) in traject.',
  }) as const;

export async function checkMember(tx: Tx, dossierId: string, memberId: string) {
  if (!memberId) return;
  const member = await tx.clientMember.findFirst({ where: { id: memberId, dossierId }, select: { id: true } });
  if (!member) throw invalid('Kies een lid van dit cliëntsysteem.', { noteMemberId: 'Onbekend lid.' });
}

/**
 * Before a session, a participant prepares what they will bring in: a note only they can read —
 * not the coordinator, not the other participants (row-level security on the author; ADR 0033).
 * Without `noteId` a new note, with one the author's own note is rewritten.
 */
export async function savePreparationNote(
  userId: string,
  dossierId: string,
  values: PreparationNoteValues,
  noteId?: string,
  now = new Date(),
) {
  const parsed = validateForm(preparationNoteSchema, values);
  if (!parsed.ok) throw invalid('De voorbereidingsnota is nog niet volledig.', parsed.errors);
  const v = parsed.data;
  if (noteId !== undefined && !z.string().uuid().safeParse(noteId).success) throw invalid('Onbekende nota.');
  return dossierUseCase(userId, prepareNeed(dossierId), async ({ tx, actor, dossier, log }) => {
    await checkMember(tx, dossierId, v.noteMemberId);
    const data = {
      category: v.noteCategory,
      concernsMemberId: v.noteMemberId || null,
      content: v.noteContent,
      updatedAt: now,
    };
    let id: string;
    if (noteId) {
      const updated = await tx.preparationNote.updateMany({
        where: { id: noteId, dossierId, authorUserId: actor.userId },
        data,
      });
      if (updated.count !== 1) throw invalid('Onbekende nota.');
      id = noteId;
    } else {
      const note = await tx.preparationNote.create({
        data: { ...data, dossierId, safeHouseId: dossier.safeHouseId, authorUserId: actor.userId, createdAt: now },
        select: { id: true },
      });
      id = note.id;
    }
    await log({ action: 'conference.saveNote', objectType: 'PreparationNote', objectId: id });
    return { id };
  });
}
