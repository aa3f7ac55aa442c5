import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MemberVoiceForm } from '@/components/dossier/member-voice';
import { Callout } from '@/components/ui/callout';
import { loadPage } from '@/lib/auth/session';
import { getMemberVoices } from '@/lib/client-voice/get-member-voices';
import { recordVoiceAction } from '../../voice-actions';

export const metadata = { title: 'Stem en rechten van een lid' };

/**
 * One member's voice and rights, on a page of its own (one form per page: field ids follow field
 * names). Opened from the dossier or from the case conference workspace (`?terug=casusoverleg`).
 */
export default async function MemberVoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; memberId: string }>;
  searchParams: Promise<{ terug?: string }>;
}) {
  const { id, memberId } = await params;
  const { terug } = await searchParams;
  const back = terug === 'casusoverleg' ? 'casusoverleg' : 'dossier';
  const voices = await loadPage((userId) => getMemberVoices(userId, id));
  const member = voices.members.find((m) => m.memberId === memberId);
  if (!member || !voices.canRecord) notFound();
  const backHref = back === 'casusoverleg' ? `/dossiers/${id}/casusoverleg#stem` : `/dossiers/${id}#stem`;
  return (
    <>
      <h1 className="text-2xl font-semibold">Stem en rechten van {member.label}</h1>
      <p className="mt-2">
        <Link href={backHref} className="text-brand-700 underline">
          Terug {back === 'casusoverleg' ? 'naar het casusoverleg' : 'naar het dossier'}
        </Link>
      </p>
      <p className="mt-4 max-w-3xl">
        Leden worden geïnformeerd over de aanmelding en het casusoverleg voor zover hun veiligheid het toelaat (art. 4;
        memorie van toelichting). Is een lid niet geïnformeerd, registreer dan waarom niet. Geef de privacyverklaring
        mee of lees ze voor (art. 16).
      </p>
      <div className="mt-4 max-w-3xl">
        <MemberVoiceForm member={member} action={recordVoiceAction.bind(null, id, memberId, back)} />
      </div>
      <Callout tone="warning" className="mt-10 text-sm">
        Vertrouwelijk – art. 458ter Sw. Deze raadpleging werd gelogd.
      </Callout>
    </>
  );
}
