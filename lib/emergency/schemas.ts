import { z } from '@/lib/validation/zod';
import { isCalendarDate, isClockTime } from '@/lib/time';

export const EMERGENCY_GROUNDS = ['STATE_OF_NECESSITY', 'ART_458BIS', 'DUTY_TO_ASSIST'] as const;

/**
 * An urgent disclosure outside consensus, as the professional records it afterwards (seeds 001,
 * 002; ADR 0035): the ground, what they disclosed, to whom, when (Brussels wall clock, as a
 * `datetime-local` field sends it) and why it could not wait for the case conference.
 */
export const emergencySchema = z
  .object({
    ground: z.enum(EMERGENCY_GROUNDS, 'Kies de grond waarop je zonder consensus informatie meedeelde.'),
    disclosed: z.string().trim().min(3, 'Beschrijf welke informatie je meedeelde.').max(5000, 'Hoogstens 5000 tekens.'),
    recipient: z
      .string()
      .trim()
      .min(2, 'Geef aan wie je de informatie meedeelde (dienst of functie).')
      .max(300, 'Hoogstens 300 tekens.'),
    disclosedAt: z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Geef de datum en het uur van de mededeling.')
      .refine(
        (v) => isCalendarDate(v.slice(0, 10)) && isClockTime(v.slice(11, 16)),
        'Deze datum of dit uur bestaat niet.',
      ),
    urgency: z
      .string()
      .trim()
      .min(10, 'Leg uit waarom de mededeling niet kon wachten op het casusoverleg.')
      .max(5000, 'Hoogstens 5000 tekens.'),
  })
  .refine((v) => v.ground !== 'ART_458BIS' || /procureur|parket/i.test(v.recipient), {
    path: ['recipient'],
    message: 'Art. 458bis Sw. laat enkel een melding aan de procureur des Konings (het parket) toe.',
  });
export type EmergencyValues = {
  ground: string;
  disclosed: string;
  recipient: string;
  disclosedAt: string;
  urgency: string;
};
