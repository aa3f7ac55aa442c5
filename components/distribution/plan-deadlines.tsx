import Link from 'next/link';
import { loadPage } from '@/lib/auth/session';
import { deadlineText } from '@/lib/distribution/deadline';
import { listPlanDeadlines } from '@/lib/distribution/list-plan-deadlines';
import { formatDate, formatDateTime } from '@/lib/time';

/**
 * The coordinator's plans still to send (seed 004: within 14 working days after the session;
 * ADR 0036), the most urgent first: on the session page (one session) and in the triage inbox
 * (all sessions). Only references, no case content.
 */
export async function PlanDeadlines({ sessionId, title }: { sessionId?: string; title: string }) {
  const rows = await loadPage((userId) => listPlanDeadlines(userId, sessionId ? { sessionId } : {}));
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a.workingDaysLeft - b.workingDaysLeft);
  return (
    <section aria-labelledby="h-plan-termijnen" className="mt-6 rounded border border-gray-300 bg-white p-4">
      <h2 id="h-plan-termijnen" className="text-xl font-semibold">
        {title}
      </h2>
      <ul className="mt-2 space-y-1">
        {sorted.map((r) => (
          <li
            key={r.agendaItemId}
            className={r.state === 'missed' ? 'text-red-800' : r.state === 'near' ? 'text-amber-900' : ''}
          >
            <Link href={`/dossiers/${r.dossierId}/casusoverleg#verspreiding`} className="text-brand-700 underline">
              {r.reference}
            </Link>{' '}
            (overleg van {formatDateTime(r.sessionStartsAt)},{' '}
            {r.finalised ? 'verslag definitief' : 'verslag nog niet definitief'}):{' '}
            {r.state === 'missed' || r.state === 'near' ? <strong>{deadlineText(r)}</strong> : deadlineText(r)} Uiterste
            datum: {formatDate(new Date(`${r.deadline}T12:00:00Z`))}.
          </li>
        ))}
      </ul>
    </section>
  );
}
