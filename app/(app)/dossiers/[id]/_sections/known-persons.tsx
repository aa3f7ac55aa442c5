import Link from 'next/link';
import { Callout } from '@/components/ui/callout';
import { Section } from '@/components/ui/section';
import { MEMBER_ROLE_LABEL, STATUS_LABEL, formatDate } from '@/lib/labels';
import type { KnownPersonCheck } from '@/lib/search/known-persons';

/**
 * At triage, for the coordinator only: which members are already known in another dossier of
 * this safe house, with a link, and whether this is a repeat referral (issue 13 §4; ADR 0041).
 */
export function KnownPersonsSection({ check }: { check: KnownPersonCheck }) {
  const known = check.members.filter((m) => m.matches.length > 0);
  return (
    <Section id="bekende-personen" title="Bekend in andere dossiers van dit Veilig Huis">
      {check.repeat && (
        <Callout tone="error" className="mb-3">
          <strong>Herhaalde aanmelding:</strong> een lid van dit cliëntsysteem werd de voorbije 12 maanden al bij dit
          Veilig Huis aangemeld.
        </Callout>
      )}
      {known.length === 0 ? (
        <p>Geen van de leden is bekend in een ander dossier van dit Veilig Huis.</p>
      ) : (
        <ul className="space-y-3">
          {known.map((m) => (
            <li key={m.memberId}>
              <p className="font-medium">
                {m.firstName} {m.lastName} ({MEMBER_ROLE_LABEL[m.memberRole]})
              </p>
              <ul className="mt-1 list-disc space-y-1 pl-6">
                {m.matches.map((x) => (
                  <li key={x.otherDossierId}>
                    <Link href={`/dossiers/${x.otherDossierId}`} className="font-mono text-brand-700 underline">
                      {x.reference}
                    </Link>
                    : {STATUS_LABEL[x.status]}, aangemeld op {x.submittedAt ? formatDate(x.submittedAt) : '—'}, rol
                    daar: {MEMBER_ROLE_LABEL[x.otherRole].toLowerCase()};{' '}
                    {x.basis === 'nationalNumber' ? 'zelfde rijksregisternummer' : 'zelfde naam en geboortedatum'}
                    {x.repeat && <strong className="ml-1 text-red-900">— herhaalde aanmelding</strong>}
                    {x.later && <span className="ml-1">— latere aanmelding</span>}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
