import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { clientAddress } from './client-address';
import { authenticate, oidcAssertsSecondFactor, resolveOidcUser } from './login';
import { endSession } from './sessions';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string };
  }
  interface User {
    /** the server-side session's token (ADR 0018), only between sign-in and the JWT */
    sid?: string;
  }
}

let cached: NextAuthOptions | undefined;

/**
 * next-auth: e-mail + password (unless AUTH_PASSWORD_LOGIN=false), always followed by a second
 * factor, and an OpenID Connect provider (the Flemish government IdP) that is only there when
 * OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set and must assert a second factor.
 * next-auth only carries the cookie: a sealed JWT that holds the token of a server-side
 * session. Whether that session lives — idle time, absolute end, sign-out, a role change — is
 * decided in the database on every request (lib/auth/sessions.ts, ADR 0018).
 */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const maxAgeSeconds = e.SESSION_MAX_HOURS * 3600;
  const providers: NextAuthOptions['providers'] = [];
  if (e.AUTH_PASSWORD_LOGIN) {
    providers.push(
      CredentialsProvider({
        id: 'credentials',
        name: 'E-mailadres en wachtwoord',
        credentials: {
          email: { label: 'E-mailadres', type: 'email' },
          password: { label: 'Wachtwoord', type: 'password' },
        },
        async authorize(credentials, req) {
          const headers = (req?.headers ?? {}) as Record<string, string | string[] | undefined>;
          const result = await authenticate(credentials?.email, credentials?.password, {
            address: clientAddress(headers['x-forwarded-for']),
            userAgent: typeof headers['user-agent'] === 'string' ? headers['user-agent'] : null,
          });
          if (!result.ok && result.retryAfterSeconds) throw new Error(`wacht:${result.retryAfterSeconds}`);
          return result.ok ? { id: result.userId, name: result.name, sid: result.token } : null;
        },
      }),
    );
  }
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: 'oidc',
      name: e.OIDC_NAME,
      type: 'oauth',
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      authorization: {
        params: { scope: e.OIDC_SCOPE, ...(e.OIDC_ACR_VALUES ? { acr_values: e.OIDC_ACR_VALUES } : {}) },
      },
      // the e-mail address is never used to link (ADR 0044): only `sub`, or the national number once
      profile(profile: { sub: string; name?: string }) {
        return { id: profile.sub, name: profile.name ?? '', email: null };
      },
    });
  }
  cached = {
    secret: e.NEXTAUTH_SECRET,
    providers,
    session: { strategy: 'jwt', maxAge: maxAgeSeconds, updateAge: maxAgeSeconds },
    jwt: { maxAge: maxAgeSeconds },
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider === 'oidc') {
          // the ID token's claims (next-auth checked signature, issuer, audience, nonce)
          const claims = (profile ?? {}) as Record<string, unknown>;
          const mfa = oidcAssertsSecondFactor(claims, e.OIDC_MFA_ACR);
          const local = await resolveOidcUser(account.providerAccountId, claims[e.OIDC_LINK_CLAIM], mfa);
          if (!local.ok) return local.reason === 'no-mfa' ? '/login?fout=oidc-mfa' : '/login?fout=oidc';
          user.id = local.userId;
          user.sid = local.token;
        }
        return true;
      },
      async jwt({ token, user, account }) {
        if (user) {
          token.uid = user.id;
          token.name = user.name;
          token.sid = user.sid;
          // signing out also ends the IdP's session (RP-initiated logout, ADR 0044)
          token.idp = account?.provider === 'oidc';
        }
        return token;
      },
      async session({ session, token }) {
        // the token stays inside the sealed cookie; the browser's session object never holds it
        session.user = { id: String(token.uid ?? ''), name: String(token.name ?? '') };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        await endSession(token?.sid, 'afgemeld');
      },
    },
  };
  return cached;
}
