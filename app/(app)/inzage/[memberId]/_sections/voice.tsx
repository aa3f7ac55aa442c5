import { VoiceFacts } from '@/components/dossier/member-voice';
import { Section } from '@/components/ui/section';
import type { OverviewRecord } from './types';

/** The member's voice and rights as recorded (art. 4, art. 16; ADR 0037): part of what is held about them. */
export function VoiceSection({ memberId, voice }: { memberId: string; voice: OverviewRecord['voice'] }) {
  return (
    <Section
      headingId={`s-${memberId}`}
      level={3}
      title="Geïnformeerd, toestemming en eigen mening (art. 4 en art. 16)"
      className="mt-6"
      bodyClassName=""
    >
      {voice ? <VoiceFacts values={voice} className="mt-2" /> : <p className="mt-2">Niets geregistreerd.</p>}
    </Section>
  );
}
