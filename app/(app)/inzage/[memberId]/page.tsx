import Link from 'next/link';
import { Notice } from '@/components/ui/notice';
import { loadPage } from '@/lib/auth/session';
import { getAccessOverview } from '@/lib/gdpr/access-overview';
import { formatDateTime } from '@/lib/labels';
import { rectifyMemberAction } from '../actions';
import { PRINT_CSS, PrintHelp } from './_sections/print-help';
import { DossierDataSection, IdentificationSection, ReferralDataSection } from './_sections/records';
import { RiskAssessmentsSection } from './_sections/risk';
import { RectifySection } from './_sections/rectify';
import { VoiceSection } from './_sections/voice';
import {
  AccessLogSection,
  AttachmentsAboutSection,
  DisclosuresSection,
  InformationItemsSection,
} from './_sections/tables';
import { noticeText } from '@/lib/forms/notices';

export const metadata = { title: 'Inzageoverzicht' };

export default async function AccessOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ memberId: string }>;
  searchParams: Promise<{ melding?: string }>;
}) {
  const { memberId } = await params;
  const { melding } = await searchParams;
  const data = await loadPage((userId) => getAccessOverview(userId, memberId));
  const notice = noticeText('gdpr', melding);
  const first = data.records[0];
  const person = first ? `${first.member.firstName} ${first.member.lastName}` : '';

  return (
    <>
      <style href="vhd-inzage-print" precedence="default">
        {PRINT_CSS}
      </style>
      <p data-print="hide" className="text-sm">
        <Link href="/inzage" className="text-brand-700 underline">
          Terug naar zoeken
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Inzageoverzicht: {person}</h1>
      <p className="mt-1 text-sm text-gray-700">
        Wat de dossieromgeving van de Veilige Huizen over deze persoon bevat (art. 15 AVG). Opgemaakt op{' '}
        {formatDateTime(data.generatedAt)}.{' '}
        {data.records.length > 1 ? `${data.records.length} dossiers, gekoppeld via het rijksregisternummer.` : ''}
      </p>
      <Notice data-print="hide">{notice}</Notice>
      <PrintHelp />

      {data.records.map((r) => (
        <article
          key={r.member.id}
          aria-labelledby={`dossier-${r.member.id}`}
          className="mt-10 border-t border-gray-400 pt-6"
        >
          <h2 id={`dossier-${r.member.id}`} className="text-xl font-semibold">
            Dossier {r.dossier.reference} — {r.dossier.safeHouseName}
          </h2>
          <IdentificationSection member={r.member} />
          <DossierDataSection memberId={r.member.id} dossier={r.dossier} />
          {r.referral && <ReferralDataSection memberId={r.member.id} referral={r.referral} />}
          <InformationItemsSection memberId={r.member.id} items={r.informationItems} />
          <AttachmentsAboutSection memberId={r.member.id} attachments={r.attachments} />
          <DisclosuresSection memberId={r.member.id} disclosures={r.disclosures} />
          <VoiceSection memberId={r.member.id} voice={r.voice} />
          <RiskAssessmentsSection memberId={r.member.id} assessments={r.riskAssessments} />
          <AccessLogSection
            memberId={r.member.id}
            reference={r.dossier.reference}
            log={r.accessLog}
            truncated={r.accessLogTruncated}
          />
          <RectifySection
            record={r}
            rectify={r.canRectify ? rectifyMemberAction.bind(null, data.memberId, r.member.id) : null}
          />
        </article>
      ))}
    </>
  );
}
