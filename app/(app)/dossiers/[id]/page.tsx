import { getDossier } from '@/lib/dossiers/get-dossier';
import { loadPage } from '@/lib/auth/session';
import { MEMBER_ROLE_LABEL, STATUS_LABEL, formatDate } from '@/lib/labels';

export const metadata = { title: 'Dossier' };

export default async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { dossier, members } = await loadPage((userId) => getDossier(userId, id));
  return (
    <>
      <p className="text-sm text-gray-700">{dossier.safeHouse.name}</p>
      <h1 className="text-2xl font-semibold">
        Dossier {dossier.reference}: {dossier.clientSystemLabel}
      </h1>
      <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">Status</dt>
        <dd>{STATUS_LABEL[dossier.status]}</dd>
        <dt className="font-medium">Aangemeld op</dt>
        <dd>{formatDate(dossier.submittedAt)}</dd>
        <dt className="font-medium">Beslist op</dt>
        <dd>{formatDate(dossier.decidedAt)}</dd>
      </dl>
      <h2 className="mt-8 text-xl font-semibold">Leden van het cliëntsysteem</h2>
      {members.length === 0 ? (
        <p className="mt-2">Nog geen leden geregistreerd.</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {members.map((m) => (
            <li key={m.id}>
              {m.firstName} {m.lastName} — {MEMBER_ROLE_LABEL[m.memberRole]}
              {m.isMinor ? ' (minderjarig)' : ''}
              {m.dateOfBirth ? `, geboren ${formatDate(m.dateOfBirth)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-8 rounded border border-amber-700 bg-amber-50 p-3 text-sm text-amber-900">
        Vertrouwelijk – art. 458ter Sw. Deze raadpleging werd gelogd.
      </p>
    </>
  );
}
