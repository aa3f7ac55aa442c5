import type { DossierAction } from '@/lib/access/policy';
import type { DossierNeed } from '@/lib/use-case/kernel';

/**
 * What every step of the admission sequence needs of the kernel: the action on this dossier for
 * the purpose of admission, refused with the same Dutch explanation once the follow-up is decided.
 */
export function admissionNeed(action: DossierAction, dossierId: string): DossierNeed {
  return { action, purpose: 'admission', dossierId, notNow: 'Over deze aanmelding is al beslist.' };
}
