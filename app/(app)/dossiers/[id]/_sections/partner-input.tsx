import type { ComponentProps } from 'react';
import { CloseInputRoundForm, PartnerInputForm } from '@/components/dossier/forms';
import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import { KNOWN_STATUS_LABEL, formatDateTime } from '@/lib/labels';
import type { View } from './types';

/** What the core partners know of the client system, the partners still to answer, and one's own input. */
export function PartnerInputSection({
  view,
  actions,
}: {
  view: View;
  actions: {
    closeRound: ComponentProps<typeof CloseInputRoundForm>['action'];
    save: ComponentProps<typeof PartnerInputForm>['action'];
  };
}) {
  const { inputs } = view;
  const ownInput = inputs.find(() => view.can.writeInput);
  const deadline = view.dossier.inputDeadline;
  return (
    <Section id="aanvullingen" title="Aanvullingen van de kernpartners">
      {deadline && !view.dossier.inputClosedAt && (
        <p className="mb-3">
          {view.roundOpen
            ? `De kernpartners kunnen aanvullen tot ${formatDateTime(deadline)} (art. 11, tweede lid).`
            : `De termijn om aan te vullen liep af op ${formatDateTime(deadline)}.`}
        </p>
      )}
      {inputs.map((i) => (
        <article key={i.id} className="mb-3 rounded bg-white p-3" aria-label={`Aanvulling van ${i.organisationName}`}>
          <h3 className="font-semibold">{i.organisationName}</h3>
          <DescriptionList className="mt-1 text-sm">
            <DescriptionItem term="Gekend">{KNOWN_STATUS_LABEL[i.knownStatus]}</DescriptionItem>
            <DescriptionItem term="Traject">{i.trajectory || '—'}</DescriptionItem>
            <DescriptionItem term="Verloop">{i.trajectoryProgress || '—'}</DescriptionItem>
            <DescriptionItem term="Visie op opvolging">{i.viewOnFollowUp}</DescriptionItem>
            <DescriptionItem term="Laatst bijgewerkt">{formatDateTime(i.updatedAt)}</DescriptionItem>
          </DescriptionList>
        </article>
      ))}
      {view.missingPartners.length > 0 && (
        <p className="mt-2">
          <span className="font-medium">Nog geen aanvulling van:</span> {view.missingPartners.join(', ')}
        </p>
      )}
      {view.can.closeInputRound && <CloseInputRoundForm action={actions.closeRound} />}
      {view.can.writeInput && (
        <div className="mt-4">
          <h3 className="mb-2 font-semibold">
            {ownInput ? 'Aanvulling van je organisatie bijwerken' : 'Aanvulling geven'}
          </h3>
          <PartnerInputForm
            action={actions.save}
            initial={{
              knownStatus: ownInput?.knownStatus ?? '',
              trajectory: ownInput?.trajectory ?? '',
              trajectoryProgress: ownInput?.trajectoryProgress ?? '',
              viewOnFollowUp: ownInput?.viewOnFollowUp ?? '',
            }}
          />
        </div>
      )}
    </Section>
  );
}
