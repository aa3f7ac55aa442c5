import Link from 'next/link';
import { listAuditEvents } from '@/lib/audit/list-events';
import { loadPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/labels';

export const metadata = { title: 'Toegangslog' };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ pagina?: string }> }) {
  const { pagina } = await searchParams;
  const data = await loadPage((userId) => listAuditEvents(userId, { page: pagina }));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const v = data.verification;
  return (
    <>
      <h1 className="text-2xl font-semibold">Toegangslog</h1>
      <p
        role="status"
        className={`mt-4 rounded border p-3 ${v.ok ? 'border-green-800 bg-green-50 text-green-900' : 'border-red-800 bg-red-50 text-red-900'}`}
      >
        {v.ok
          ? `Keten intact: ${v.checked} gebeurtenissen gecontroleerd.`
          : `Keten gebroken bij gebeurtenis ${v.brokenAtSeq.toString()}: ${v.problem}.`}
      </p>
      <table className="mt-6 w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">Gebeurtenissen, nieuwste eerst</caption>
        <thead>
          <tr className="border-b border-gray-400">
            <th scope="col" className="p-2">Nr.</th>
            <th scope="col" className="p-2">Wanneer</th>
            <th scope="col" className="p-2">Wie</th>
            <th scope="col" className="p-2">Wat</th>
            <th scope="col" className="p-2">Object</th>
            <th scope="col" className="p-2">Waarom</th>
            <th scope="col" className="p-2">Uitkomst</th>
          </tr>
        </thead>
        <tbody>
          {data.events.map((e) => (
            <tr key={e.seq.toString()} className="border-b border-gray-200">
              <td className="p-2">{e.seq.toString()}</td>
              <td className="p-2">{formatDateTime(e.occurredAt)}</td>
              <td className="p-2">{e.actor ? `${e.actor.name} (${e.actor.organisation.name})` : 'onbekend account'}</td>
              <td className="p-2 font-mono">{e.action}</td>
              <td className="p-2 font-mono">
                {e.objectType}
                {e.dossierId ? ` · dossier ${e.dossierId.slice(0, 8)}` : ''}
              </td>
              <td className="p-2">
                {e.purpose}
                {e.reason ? ` — ${e.reason}` : ''}
              </td>
              <td className="p-2">{e.outcome === 'ALLOWED' ? 'toegestaan' : 'geweigerd'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav aria-label="Paginering" className="mt-4 flex gap-4">
          {data.page > 1 && <Link href={`/toegangslog?pagina=${data.page - 1}`}>Vorige pagina</Link>}
          <span>
            Pagina {data.page} van {pages}
          </span>
          {data.page < pages && <Link href={`/toegangslog?pagina=${data.page + 1}`}>Volgende pagina</Link>}
        </nav>
      )}
    </>
  );
}
