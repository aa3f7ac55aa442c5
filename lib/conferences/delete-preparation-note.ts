import 'server-only';
import { z } from '@/lib/validation/zod';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { prepareNeed } from './save-preparation-note';

/** The author throws away one of their own preparation notes (ADR 0033). */
export async function deletePreparationNote(userId: string, dossierId: string, noteId: string) {
  if (!z.string().uuid().safeParse(noteId).success) throw invalid('Onbekende nota.');
  return dossierUseCase(userId, prepareNeed(dossierId), async ({ tx, actor, log }) => {
    const deleted = await tx.preparationNote.deleteMany({
      where: { id: noteId, dossierId, authorUserId: actor.userId },
    });
    if (deleted.count !== 1) throw invalid('Onbekende nota.');
    await log({ action: 'conference.deleteNote', objectType: 'PreparationNote', objectId: noteId });
  });
}
