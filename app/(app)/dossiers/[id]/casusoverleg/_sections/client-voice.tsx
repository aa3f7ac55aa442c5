import { MemberVoiceCard, missingText } from '@/components/dossier/member-voice';
import { Callout } from '@/components/ui/callout';
import { Section } from '@/components/ui/section';
import type { MemberVoicesView } from '@/lib/client-voice/get-member-voices';

/**
 * The client system's voice at the table (art. 4 2nd para, art. 16; seeds 000, 004; ADR 0037):
 * per member whether they were informed (or why not), their consent, their own view and wishes,
 * how their voice is brought in and who informs them afterwards. Before anything else, a warning
 * names every member who was not informed without a recorded reason.
 */
export function ClientVoiceSection({ voices, dossierId }: { voices: MemberVoicesView; dossierId: string }) {
  const missing = voices.members.map(missingText).filter((t): t is string => !!t);
  return (
    <Section id="stem" title="Stem en rechten van het cliëntsysteem (art. 4 en art. 16)">
      {missing.length > 0 ? (
        <Callout tone="error" role="alert" as="div" className="max-w-3xl">
          <p className="font-semibold">
            {missing.length === 1
              ? 'Eén lid werd niet geïnformeerd zonder geregistreerde reden.'
              : `${missing.length} leden werden niet geïnformeerd zonder geregistreerde reden.`}{' '}
            Leden worden geïnformeerd voor zover hun veiligheid het toelaat; registreer anders waarom niet.
          </p>
          <ul className="mt-1 list-disc pl-6">
            {missing.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </Callout>
      ) : (
        voices.members.length > 0 && (
          <p className="max-w-3xl">Van elk lid is geregistreerd of het geïnformeerd werd, of waarom niet.</p>
        )
      )}
      {voices.members.map((m) => (
        <MemberVoiceCard
          key={m.memberId}
          member={m}
          editHref={voices.canRecord ? `/dossiers/${dossierId}/stem/${m.memberId}?terug=casusoverleg` : null}
        />
      ))}
    </Section>
  );
}
