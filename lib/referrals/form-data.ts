import { RISK_FACTORS } from './risk-screening';
import { emptyContact, emptyMember, type ContactValues, type MemberValues, type ReferralValues } from './schemas';

const str = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === 'string' ? v : '';
};

/** Rows named `prefix.N.field`, in the order of N. */
function rows<T extends object>(fd: FormData, prefix: string, empty: () => T): T[] {
  const indices = new Set<number>();
  for (const key of fd.keys()) {
    const m = key.match(new RegExp(`^${prefix}\\.(\\d+)\\.`));
    if (m) indices.add(Number(m[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .slice(0, 50)
    .map((i) => {
      const row = empty() as Record<string, string>;
      for (const field of Object.keys(row)) row[field] = str(fd, `${prefix}.${i}.${field}`);
      return row as T;
    });
}

/** The risk screening's answers, named `riskAnswers.<factor key>` (the referral form and lib/risk). */
export function riskAnswersFromForm(fd: FormData): Record<string, string> {
  return Object.fromEntries(RISK_FACTORS.map((f) => [f.key, str(fd, `riskAnswers.${f.key}`)]));
}

/** The referral form's FormData as values (strings, exactly as typed). */
export function referralValuesFromForm(fd: FormData): ReferralValues {
  return {
    safeHouseId: str(fd, 'safeHouseId'),
    clientSystemLabel: str(fd, 'clientSystemLabel'),
    members: rows<MemberValues>(fd, 'members', emptyMember),
    contacts: rows<ContactValues>(fd, 'contacts', emptyContact),
    violenceForms: fd.getAll('violenceForms').filter((v): v is string => typeof v === 'string'),
    violenceTypes: fd.getAll('violenceTypes').filter((v): v is string => typeof v === 'string'),
    situation: str(fd, 'situation'),
    actionsTaken: str(fd, 'actionsTaken'),
    riskAnswers: riskAnswersFromForm(fd),
    riskJudgement: str(fd, 'riskJudgement'),
    riskJudgementReason: str(fd, 'riskJudgementReason'),
    clientInformed: str(fd, 'clientInformed'),
    notInformedReason: str(fd, 'notInformedReason'),
    involvedOrganisations: str(fd, 'involvedOrganisations'),
  };
}
