import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import {
  MEMBER_ROLE_LABEL,
  RISK_LEVEL_LABEL,
  SEX_LABEL,
  STATUS_LABEL,
  VIOLENCE_FORM_LABEL,
  VIOLENCE_TYPE_LABEL,
  formatDate,
} from '@/lib/labels';
import type { OverviewRecord } from './types';

const yesNo = (b: boolean | null | undefined) => (b === null || b === undefined ? 'onbekend' : b ? 'ja' : 'nee');

/** Identification and contact data of the person in this dossier. */
export function IdentificationSection({ member }: { member: OverviewRecord['member'] }) {
  return (
    <Section
      headingId={`id-${member.id}`}
      level={3}
      title="Identificatie- en contactgegevens"
      className="mt-4"
      bodyClassName=""
    >
      <DescriptionList className="mt-2">
        <DescriptionItem term="Voornaam">{member.firstName}</DescriptionItem>
        <DescriptionItem term="Achternaam">{member.lastName}</DescriptionItem>
        <DescriptionItem term="Geboortedatum">{formatDate(member.dateOfBirth)}</DescriptionItem>
        <DescriptionItem term="Minderjarig">{yesNo(member.isMinor)}</DescriptionItem>
        <DescriptionItem term="Geslacht">{SEX_LABEL[member.sex] ?? member.sex}</DescriptionItem>
        <DescriptionItem term="Rijksregisternummer">{member.nationalNumber ?? 'niet geregistreerd'}</DescriptionItem>
        <DescriptionItem term="Contactgegevens">{member.contact ?? 'niet geregistreerd'}</DescriptionItem>
        <DescriptionItem term="Rol in het cliëntsysteem">{MEMBER_ROLE_LABEL[member.memberRole]}</DescriptionItem>
        <DescriptionItem term="Geregistreerd op">{formatDate(member.recordedAt)}</DescriptionItem>
      </DescriptionList>
    </Section>
  );
}

/** The dossier the person is a member of. */
export function DossierDataSection({ memberId, dossier }: { memberId: string; dossier: OverviewRecord['dossier'] }) {
  return (
    <Section headingId={`d-${memberId}`} level={3} title="Dossier" className="mt-6" bodyClassName="">
      <DescriptionList className="mt-2">
        <DescriptionItem term="Referentie">{dossier.reference}</DescriptionItem>
        <DescriptionItem term="Cliëntsysteem">{dossier.clientSystemLabel}</DescriptionItem>
        <DescriptionItem term="Status">{STATUS_LABEL[dossier.status]}</DescriptionItem>
        <DescriptionItem term="Veilig Huis">{dossier.safeHouseName}</DescriptionItem>
        <DescriptionItem term="Aangemeld door (organisatie)">{dossier.referrerOrganisation}</DescriptionItem>
        <DescriptionItem term="Aangemaakt op">{formatDate(dossier.createdAt)}</DescriptionItem>
        <DescriptionItem term="Ingediend op">{formatDate(dossier.submittedAt)}</DescriptionItem>
        <DescriptionItem term="Beslist op">{formatDate(dossier.decidedAt)}</DescriptionItem>
        <DescriptionItem term="Afgesloten op">{formatDate(dossier.closedAt)}</DescriptionItem>
        <DescriptionItem term="Bewaard tot">{formatDate(dossier.retentionUntil)}</DescriptionItem>
      </DescriptionList>
    </Section>
  );
}

/** The referral of that dossier. */
export function ReferralDataSection({
  memberId,
  referral,
}: {
  memberId: string;
  referral: NonNullable<OverviewRecord['referral']>;
}) {
  return (
    <Section headingId={`a-${memberId}`} level={3} title="Aanmelding" className="mt-6" bodyClassName="">
      <DescriptionList className="mt-2">
        <DescriptionItem term="Vormen van geweld">
          {referral.violenceForms.map((f) => VIOLENCE_FORM_LABEL[f] ?? f).join(', ') || '—'}
        </DescriptionItem>
        <DescriptionItem term="Soorten geweld">
          {referral.violenceTypes.map((t) => VIOLENCE_TYPE_LABEL[t] ?? t).join(', ') || '—'}
        </DescriptionItem>
        <DescriptionItem term="Situatie">{referral.situation || '—'}</DescriptionItem>
        <DescriptionItem term="Wat al gebeurde">{referral.actionsTaken || '—'}</DescriptionItem>
        <DescriptionItem term="Cliëntsysteem op de hoogte">{yesNo(referral.clientInformed)}</DescriptionItem>
        {referral.notInformedReason && (
          <DescriptionItem term="Waarom niet op de hoogte">{referral.notInformedReason}</DescriptionItem>
        )}
        <DescriptionItem term="Inschatting van het risico door de aanmelder">
          {referral.riskJudgement ? RISK_LEVEL_LABEL[referral.riskJudgement] : '—'}
          {referral.riskJudgementReason ? ` — ${referral.riskJudgementReason}` : ''}
        </DescriptionItem>
        <DescriptionItem term="Betrokken organisaties">{referral.involvedOrganisations || '—'}</DescriptionItem>
        <DescriptionItem term="Laatst gewijzigd">{formatDate(referral.updatedAt)}</DescriptionItem>
      </DescriptionList>
    </Section>
  );
}
