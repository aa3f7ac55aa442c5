import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Callout } from '@/components/ui/callout';
import { RiskAssessmentForm } from '@/components/risk/risk-assessment-form';
import { riseSentence } from '@/components/risk/risk-history';
import { loadPage } from '@/lib/auth/session';
import { RISK_LEVEL_LABEL } from '@/lib/labels';
import { getRiskHistory } from '@/lib/risk/get-risk-history';
import { emptyRiskAssessment } from '@/lib/risk/schemas';
import { formatDate } from '@/lib/time';
import { recordRiskAction } from '../risk-actions';

export const metadata = { title: 'Nieuwe risico-inschatting' };

/**
 * A new risk assessment during the trajectory (issue 13 §5; ADR 0042), on a page of its own: the
 * coordinator or the case director. The last point's answers are filled in.
 */
export default async function NewRiskAssessmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const history = await loadPage((userId) => getRiskHistory(userId, id));
  if (!history.canRecord) notFound();
  const last = history.points.at(-1);
  return (
    <>
      <h1 className="text-2xl font-semibold">Nieuwe risico-inschatting</h1>
      <p className="mt-2">
        <Link href={`/dossiers/${id}#risico`} className="text-brand-700 underline">
          Terug naar het dossier
        </Link>
      </p>
      <p className="mt-4 max-w-3xl">
        {last
          ? `Vorige inschatting: ${RISK_LEVEL_LABEL[last.level].toLowerCase()} op ${formatDate(last.at)}, door ${last.by} (${last.capacity}).`
          : 'Er is nog geen risico-inschatting in dit dossier.'}
        {history.rise ? ` ${riseSentence(history.rise)}.` : ''} Een inschatting wordt niet gewijzigd of gewist: een
        nieuwe komt erbij in het verloop.
      </p>
      <div className="mt-6 max-w-3xl">
        <RiskAssessmentForm action={recordRiskAction.bind(null, id)} initial={emptyRiskAssessment(last?.answers)} />
      </div>
      <Callout tone="warning" className="mt-10 text-sm">
        Vertrouwelijk – art. 458ter Sw. Deze raadpleging werd gelogd.
      </Callout>
    </>
  );
}
