import { Section } from '@/components/ui/section';
import { SpecForm } from '@/components/ui/spec-form';
import { ATTENDANCE_LABEL, INVITATION_REASON_LABEL } from '@/lib/labels';
import type { FormAction, View } from './types';

/** Who takes part in the case, and leaving it. */
export function ParticipantsSection({
  participants,
  leave,
}: {
  participants: View['participants'];
  leave: FormAction | null;
}) {
  return (
    <Section id="deelnemers" title="Deelnemers aan deze casus">
      <ul className="list-disc pl-6">
        {participants
          .filter((p) => p.accepted)
          .map((p) => (
            <li key={p.id}>
              {p.name} ({p.organisation}) — {ATTENDANCE_LABEL[p.attendance]},{' '}
              {(INVITATION_REASON_LABEL[p.reason] ?? '').toLowerCase()}
              {p.isCaseDirector ? ' — casusregisseur' : ''}
              {p.left
                ? ' — heeft de casus verlaten'
                : !p.acknowledged
                  ? ' — geheimhoudingsplicht nog niet bevestigd'
                  : ''}
            </li>
          ))}
      </ul>
      {leave && (
        <div className="mt-3">
          <SpecForm
            action={leave}
            submitLabel="Deze casus verlaten"
            variant="secondary"
            className=""
            label="Casus verlaten"
            fields={[]}
          />
        </div>
      )}
    </Section>
  );
}

/** The members of the client system (pseudonymised for an invited expert). */
export function MembersSection({ members }: { members: View['members'] }) {
  return (
    <Section id="leden" title="Leden van het cliëntsysteem">
      <ul className="list-disc pl-6">
        {members.map((m) => (
          <li key={m.id}>{m.label}</li>
        ))}
      </ul>
    </Section>
  );
}
