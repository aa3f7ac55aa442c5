import 'server-only';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { recordAudit } from '@/lib/audit/log';
import { withActor, withoutActor, type Tx } from '@/lib/use-case/kernel';
import { env } from '@/lib/env';
import { AppError, invalid, notFound, sessionEnded } from '@/lib/errors';
import { z } from '@/lib/validation/zod';
import { hasControlCharacters } from '@/lib/validation/text';
import { loginActor } from './login-actor';

/**
 * Passkeys (WebAuthn) as a second factor beside TOTP (issue 9 §1; ADR 0022), with
 * @simplewebauthn/server. The library checks the authenticator's signature; the database
 * (auth_webauthn_*) issues a challenge only to a live session, accepts a response only with that
 * session's unexpired challenge — once — and only a signature counter that moves on.
 */

const RP_NAME = 'Veilig Huis Dossier';

/**
 * The relying party: the public address (NEXTAUTH_URL). An IP address cannot be a WebAuthn
 * relying party, so a local 127.0.0.1 becomes localhost (development and the e2e tests).
 */
export function relyingParty(): { rpID: string; origin: string } {
  const url = new URL(env().NEXTAUTH_URL ?? 'http://localhost:3000');
  const host = url.hostname === '127.0.0.1' ? 'localhost' : url.hostname;
  return { rpID: host, origin: `${url.protocol}//${host}${url.port ? `:${url.port}` : ''}` };
}

type CredentialRow = {
  credential_id: string;
  public_key: Uint8Array;
  counter: bigint;
  transports: string[];
  name: string;
  created_at: Date;
  last_used_at: Date | null;
};

const credentialsOf = (tx: Tx, token: string) =>
  tx.$queryRaw<CredentialRow[]>`SELECT * FROM auth_webauthn_credentials(${token})`;

const refused = () =>
  invalid('Deze passkey werd niet aanvaard. Probeer opnieuw, of gebruik de code uit je app.', {
    passkey: 'Niet aanvaard.',
  });

/** A credential id as browsers give it: base64url (its shape in the database, too). */
const credentialId = z.string().regex(/^[A-Za-z0-9_-]{16,1400}$/);

/** The browser's response: only its shape is checked here; the library checks the rest. */
const responseShape = z
  .object({
    id: credentialId,
    rawId: z.string(),
    type: z.literal('public-key'),
    response: z.record(z.string(), z.unknown()),
  })
  .loose();

export interface OwnPasskey {
  credentialId: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listPasskeys(userId: string, token: string): Promise<OwnPasskey[]> {
  return withActor(userId, async (tx) =>
    (await credentialsOf(tx, token)).map((c) => ({
      credentialId: c.credential_id,
      name: c.name,
      createdAt: c.created_at,
      lastUsedAt: c.last_used_at,
    })),
  );
}

/** Registration, step 1: options for the browser, for a signed-in user. */
export async function passkeyRegistrationOptions(userId: string, token: string) {
  const { rpID } = relyingParty();
  return withActor(userId, async (tx, actor) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    const existing = await credentialsOf(tx, token);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID,
      userName: user.email,
      userDisplayName: user.name,
      userID: new TextEncoder().encode(actor.userId),
      attestationType: 'none',
      excludeCredentials: existing.map((c) => ({ id: c.credential_id, transports: c.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    const [ok] = await tx.$queryRaw<
      { ok: boolean }[]
    >`SELECT auth_webauthn_challenge(${token}, ${options.challenge}, false) AS ok`;
    if (!ok?.ok) throw sessionEnded();
    return options;
  });
}

const nameSchema = z
  .string()
  .trim()
  .min(1, 'Geef de passkey een naam, bv. "laptop kantoor".')
  .max(100, 'Hoogstens 100 tekens.');

/** Registration, step 2: the authenticator's answer, checked, kept under a name. */
export async function registerPasskey(
  userId: string,
  token: string,
  responseInput: unknown,
  nameInput: unknown,
): Promise<void> {
  const name = nameSchema.safeParse(nameInput);
  if (!name.success || hasControlCharacters(name.data)) {
    const msg = name.success ? 'Ongeldige tekens in de naam.' : name.error.issues[0]!.message;
    throw invalid(msg, { name: msg });
  }
  const parsed = responseShape.safeParse(responseInput);
  if (!parsed.success) throw refused();
  const { rpID, origin } = relyingParty();
  let challenge: string | null = null;
  const verification = await verifyRegistrationResponse({
    response: parsed.data as unknown as RegistrationResponseJSON,
    // the database checks that this is the challenge it gave this session (below)
    expectedChallenge: (c) => {
      challenge = c;
      return true;
    },
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified || !challenge) throw refused();
  const cred = verification.registrationInfo.credential;
  await withActor(userId, async (tx, actor) => {
    const [row] = await tx.$queryRaw<{ ok: boolean }[]>`
      SELECT auth_webauthn_register(${token}, ${challenge}, ${cred.id}, ${Buffer.from(cred.publicKey)}, ${BigInt(cred.counter)},
                                    ${cred.transports ?? []}::text[], ${name.data}) AS ok`;
    if (!row?.ok) throw refused();
    await recordAudit(tx, actor, {
      action: 'auth.passkey.add',
      objectType: 'Session',
      purpose: 'authentication',
      outcome: 'ALLOWED',
    });
  });
}

/** Removes one of the signed-in user's passkeys (which ends their other sessions, by trigger). */
export async function removePasskey(userId: string, credentialIdInput: unknown): Promise<void> {
  const id = credentialId.safeParse(credentialIdInput);
  if (!id.success) throw notFound();
  await withActor(userId, async (tx, actor) => {
    const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT auth_webauthn_remove(${id.data}) AS n`;
    if (!row?.n) throw notFound();
    await recordAudit(tx, actor, {
      action: 'auth.passkey.remove',
      objectType: 'Session',
      purpose: 'authentication',
      outcome: 'ALLOWED',
    });
  });
}

/** Login with a passkey, step 1: options for a session that waits for its second factor. */
export async function passkeyLoginOptions(token: string) {
  const { rpID } = relyingParty();
  return withoutActor(async (tx) => {
    const creds = await credentialsOf(tx, token);
    if (!creds.length) throw new AppError('NOT_FOUND', 'Je hebt nog geen passkey. Gebruik de code uit je app.');
    const options = await generateAuthenticationOptions({
      rpID,
      allowCredentials: creds.map((c) => ({ id: c.credential_id, transports: c.transports })),
      userVerification: 'preferred',
    });
    const [ok] = await tx.$queryRaw<
      { ok: boolean }[]
    >`SELECT auth_webauthn_challenge(${token}, ${options.challenge}, true) AS ok`;
    if (!ok?.ok) throw sessionEnded();
    return options;
  });
}

/** Login with a passkey, step 2: the assertion, checked; the session is complete. */
export async function completePasskeyLogin(token: string, responseInput: unknown): Promise<void> {
  const parsed = responseShape.safeParse(responseInput);
  if (!parsed.success) throw refused();
  const response = parsed.data as unknown as AuthenticationResponseJSON;
  const { rpID, origin } = relyingParty();
  await withoutActor(async (tx) => {
    const cred = (await credentialsOf(tx, token)).find((c) => c.credential_id === response.id);
    if (!cred) throw refused();
    let challenge: string | null = null;
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (c) => {
        challenge = c;
        return true;
      },
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: cred.credential_id,
        publicKey: new Uint8Array(cred.public_key),
        counter: Number(cred.counter),
        transports: cred.transports as never,
      },
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified || !challenge) throw refused();
    const [row] = await tx.$queryRaw<{ user_id: string; organisation_id: string; session_id: string }[]>`
      SELECT * FROM auth_webauthn_complete(${token}, ${challenge}, ${cred.credential_id}, ${BigInt(verification.authenticationInfo.newCounter)})`;
    if (!row) throw refused();
    await recordAudit(tx, loginActor({ id: row.user_id, organisationId: row.organisation_id }), {
      action: 'auth.mfa.passkey',
      objectType: 'Session',
      objectId: row.session_id,
      purpose: 'authentication',
      outcome: 'ALLOWED',
    });
  });
}

/** Whether the session's user has a passkey (to offer it at login). */
export async function hasPasskey(token: string): Promise<boolean> {
  return withoutActor(async (tx) => (await credentialsOf(tx, token)).length > 0);
}
