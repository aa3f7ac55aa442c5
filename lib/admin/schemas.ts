import { z } from '@/lib/validation/zod';
import { Role, OrganisationKind } from '@/lib/generated/prisma/enums';

/** What the functional administrator's forms send (issue 13 §6). Dutch messages at the field. */
const name = z.string().trim().min(1, 'Vul de naam in.').max(200, 'Gebruik hoogstens 200 tekens.');

export const userSchema = z.object({
  name,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, 'Gebruik hoogstens 320 tekens.')
    .pipe(z.email('Vul een geldig e-mailadres in, bv. naam@organisatie.be.')),
  organisationId: z.uuid('Kies een organisatie.'),
});

export const roleSchema = z.object({
  role: z.enum(Role, 'Kies een rol.'),
  safeHouseId: z.union([z.literal(''), z.uuid('Kies een Veilig Huis.')]),
});

/** A new user: the account, and optionally a first role. */
export const newUserSchema = userSchema.extend({
  role: z.union([z.literal(''), z.enum(Role, 'Kies een rol.')]),
  safeHouseId: z.union([z.literal(''), z.uuid('Kies een Veilig Huis.')]),
});

export const organisationSchema = z.object({
  name,
  kind: z.enum(OrganisationKind, 'Kies de soort organisatie (art. 10).'),
  /** the safe houses it is a core partner of; none: not a core partner */
  corePartnerOf: z.array(z.uuid()).max(50).default([]),
});

/** What a form sends: text per field, a list for a checkbox group; the use case parses it. */
type FormInput<T> = { [K in keyof T]-?: NonNullable<T[K]> extends readonly unknown[] ? string[] : string };
export type UserInput = FormInput<z.input<typeof userSchema>>;
export type NewUserInput = FormInput<z.input<typeof newUserSchema>>;
export type RoleInput = FormInput<z.input<typeof roleSchema>>;
export type OrganisationInput = FormInput<z.input<typeof organisationSchema>>;
