import 'server-only';
import { z } from '@/lib/validation/zod';
import { dossierUseCase } from '@/lib/use-case/kernel';
import { invalid } from '@/lib/errors';
import { shareOnOpenAgenda } from './add-information-item';
import { prepareNeed } from './save-preparation-note';

/**
 * During an open session of the case, the author brings a preparation note in: in one
 * transaction it becomes information of their organisation on that session's agenda item
 * (art. 13 §2) and the private note is deleted (ADR 0033). Outside an open session it stays private.
 */
export async function bringInPreparationNote(userId: string, dossierId: string, noteId: string) {
  if (!z.string().uuid().safeParse(noteId).success) throw invalid('Onbekende nota.');
  return dossierUseCase(userId, prepareNeed(dossierId), async ({ tx, actor, dossier, log, notify }) => {
    const note = await tx.preparationNote.findFirst({ where: { id: noteId, dossierId, authorUserId: actor.userId } });
    if (!note) throw invalid('Onbekende nota.');
    const item = await shareOnOpenAgenda(
      tx,
      actor,
      { dossierId, safeHouseId: dossier.safeHouseId },
      {
        category: note.category,
        concernsMemberId: note.concernsMemberId,
        content: note.content,
      },
    );
    await tx.preparationNote.delete({ where: { id: note.id } });
    await log({ action: 'conference.bringInNote', objectType: 'InformationItem', objectId: item.id });
    await notify('information', item.id);
    return item;
  });
}
