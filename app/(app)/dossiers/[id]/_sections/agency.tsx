import type { ComponentProps } from 'react';
import { AgencyExceptionForm, AgencyPositionForm, AgencyRequestForm } from '@/components/dossier/forms';
import { DescriptionItem, DescriptionList } from '@/components/ui/description-list';
import { Section } from '@/components/ui/section';
import { AGENCY_POSITION_LABEL, DECISION_LABEL, formatDateTime } from '@/lib/labels';
import type { View } from './types';

/**
 * The mandated agency (VK/OCJ) deciding along when minors are involved (art. 5, 2nd para; ADR
 * 0031): the coordinator asks, the agency's own staff answer; in urgency the coordinator documents
 * an exception, which stays visible here.
 */
export function AgencySection({
  view,
  actions,
}: {
  view: View;
  actions: {
    request: ComponentProps<typeof AgencyRequestForm>['action'];
    exception: ComponentProps<typeof AgencyExceptionForm>['action'];
    respond: ComponentProps<typeof AgencyPositionForm>['action'];
  };
}) {
  const c = view.agencyConsultation;
  const hasMinors = view.members.some((m) => m.isMinor);
  return (
    <Section id="voorziening" title="Gemandateerde voorziening (VK of OCJ)">
      {c ? (
        <DescriptionList spacing="loose">
          <DescriptionItem term="Gevraagd aan">{`${c.organisation.name} op ${formatDateTime(c.requestedAt)}`}</DescriptionItem>
          <DescriptionItem term="Voorgestelde opvolging">{DECISION_LABEL[c.proposedDecision]}</DescriptionItem>
          {c.question && <DescriptionItem term="Vraag">{c.question}</DescriptionItem>}
          {c.respondedAt ? (
            <>
              <DescriptionItem term="Standpunt">{`${c.position ? AGENCY_POSITION_LABEL[c.position] : ''} (${formatDateTime(c.respondedAt)}) — ${c.positionReasons ?? ''}`}</DescriptionItem>
              <DescriptionItem term="Kijk op het risico">{c.riskView}</DescriptionItem>
              <DescriptionItem term="Casusoverleg nodig">{`${c.conferenceNeeded ? 'Ja' : 'Nee'}${c.conferenceView ? ` — ${c.conferenceView}` : ''}`}</DescriptionItem>
            </>
          ) : (
            !c.exceptionRecordedAt && <DescriptionItem term="Standpunt">Nog niet gegeven.</DescriptionItem>
          )}
          {c.exceptionRecordedAt && (
            <DescriptionItem term="Uitzondering (hoogdringendheid)">
              {`Geregistreerd op ${formatDateTime(c.exceptionRecordedAt)}: ${c.exceptionContact} bereikt op ${formatDateTime(c.exceptionContactedAt)} via ${c.exceptionChannel}. Geen schriftelijk standpunt omdat: ${c.exceptionReason}`}
            </DescriptionItem>
          )}
        </DescriptionList>
      ) : (
        hasMinors && (
          <p>
            Er is een minderjarige betrokken. Vraag het standpunt van de gemandateerde voorziening: zonder haar
            standpunt (of een gedocumenteerde uitzondering) kan niet over de opvolging beslist worden (art. 5, tweede
            lid).
          </p>
        )
      )}
      {view.can.consult && hasMinors && !c && (
        <div className="mt-4">
          <h3 className="mb-2 font-semibold">Standpunt vragen</h3>
          {view.agencies.length > 0 ? (
            <AgencyRequestForm action={actions.request} agencies={view.agencies} />
          ) : (
            <p>
              Er is geen VK of OCJ als partner van dit Veilig Huis geregistreerd. Vraag de functioneel beheerder dit na.
            </p>
          )}
        </div>
      )}
      {view.can.consult && c && !c.respondedAt && !c.exceptionRecordedAt && (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold">Hoogdringend: uitzondering registreren</summary>
          <div className="mt-2">
            <AgencyExceptionForm action={actions.exception} />
          </div>
        </details>
      )}
      {view.can.respond && (
        <div className="mt-4">
          <h3 className="mb-2 font-semibold">Standpunt van jullie voorziening</h3>
          <AgencyPositionForm action={actions.respond} />
        </div>
      )}
    </Section>
  );
}
