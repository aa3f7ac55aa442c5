import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClientVoiceSection } from '@/app/(app)/dossiers/[id]/casusoverleg/_sections/client-voice';
import type { MemberVoicesView } from '@/lib/client-voice/get-member-voices';
import type { MemberVoiceValues } from '@/lib/client-voice/schemas';

/** Art. 4 (ADR 0037): the conference screen warns, as an alert, for a member neither informed nor with a reason. */
const EMPTY = Object.fromEntries(
  [
    'referralInformed',
    'referralInformedAt',
    'referralInformedBy',
    'referralInformedHow',
    'referralNotInformedReason',
    'conferenceInformed',
    'conferenceInformedAt',
    'conferenceInformedBy',
    'conferenceInformedHow',
    'conferenceNotInformedReason',
    'consent',
    'consentAt',
    'consentNote',
    'view',
    'voiceChannel',
    'representative',
    'voiceNote',
    'debriefBy',
    'debriefAt',
  ].map((k) => [k, '']),
) as MemberVoiceValues;

const member = (
  label: string,
  missing: { referral: boolean; conference: boolean },
  values: Partial<MemberVoiceValues>,
) => ({
  memberId: crypto.randomUUID(),
  label,
  isMinor: false,
  recorded: true,
  values: { ...EMPTY, ...values },
  updatedAt: null,
  updatedBy: null,
  missing,
});

const render = (members: MemberVoicesView['members']) =>
  renderToStaticMarkup(
    createElement(ClientVoiceSection, {
      voices: { canRecord: false, pseudonymised: false, members },
      dossierId: crypto.randomUUID(),
    }),
  );

describe('art. 4: the case conference warns for a member who was not informed without a recorded reason', () => {
  it('art. 4: names the member without a record in an alert; a member not informed for safety is shown with the reason', () => {
    const html = render([
      member(
        'Hassan Janssens (Ouder)',
        { referral: false, conference: false },
        {
          referralInformed: 'nee',
          referralNotInformedReason: 'Veiligheid van Amira',
          conferenceInformed: 'nee',
          conferenceNotInformedReason: 'Veiligheid van Amira',
        },
      ),
      member('Lina Peeters (Kind, minderjarig)', { referral: true, conference: true }, {}),
    ]);
    const alerts = [...html.matchAll(/<[^>]+role="alert"[^>]*>([\s\S]*?)<\/(p|div)>/g)].map((m) => m[1]);
    expect(alerts.join(' ')).toContain('Lina Peeters');
    expect(alerts.join(' ')).not.toContain('Hassan Janssens');
    expect(html).toContain('Nee. Reden: Veiligheid van Amira');
  });

  it('art. 4: no alert when every member was informed or has a reason', () => {
    const html = render([
      member(
        'Amira Janssens (Slachtoffer)',
        { referral: false, conference: false },
        {
          referralInformed: 'ja',
          referralInformedAt: '2026-11-03',
          referralInformedBy: 'Inspecteur',
          referralInformedHow: 'gesprek',
          conferenceInformed: 'nee',
          conferenceNotInformedReason: 'Veiligheid',
        },
      ),
    ]);
    expect(html).not.toContain('role="alert"');
    expect(html).toContain('Van elk lid is geregistreerd');
  });
});
