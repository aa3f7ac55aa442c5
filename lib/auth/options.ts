import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { authenticate, resolveOidcUser } from './login';

declare module 'next-auth' {
  interface Session {
    user: { id: string; name: string };
    /** when the user signed in (ms since epoch): for the absolute session lifetime */
    authTime: number;
  }
}

let cached: NextAuthOptions | undefined;

/**
 * next-auth: e-mail + password, and an OpenID Connect provider (the Flemish government IdP)
 * that is only there when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set.
 * Sessions are signed JWTs that expire after SESSION_IDLE_MINUTES without activity: every
 * session read re-issues the cookie (updateAge 0) and the browser only reads it on activity
 * (components/session-keepalive.tsx). Regardless of activity, a session ends
 * SESSION_MAX_HOURS after sign-in (lib/auth/session.ts).
 */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const idleSeconds = e.SESSION_IDLE_MINUTES * 60;
  const providers: NextAuthOptions['providers'] = [
    CredentialsProvider({
      id: 'credentials',
      name: 'E-mailadres en wachtwoord',
      credentials: { email: { label: 'E-mailadres', type: 'email' }, password: { label: 'Wachtwoord', type: 'password' } },
      async authorize(credentials) {
        const result = await authenticate(credentials?.email, credentials?.password);
        return result.ok ? { id: result.userId, name: result.name } : null;
      },
    }),
  ];
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
      authorization: { params: { scope: 'openid profile email' } },
      profile(profile: { sub: string; name?: string; email?: string; email_verified?: boolean }) {
        // Only a verified e-mail address may link an IdP identity to an existing account.
        return { id: profile.sub, name: profile.name ?? '', email: profile.email_verified ? (profile.email ?? null) : null };
      },
    });
  }
  cached = {
    secret: e.NEXTAUTH_SECRET,
    providers,
    session: { strategy: 'jwt', maxAge: idleSeconds, updateAge: 0 },
    jwt: { maxAge: idleSeconds },
    pages: { signIn: '/login', error: '/login' },
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider === 'oidc') {
          const localId = await resolveOidcUser(account.providerAccountId, user.email);
          if (!localId) return '/login?fout=oidc';
          user.id = localId;
        }
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.name = user.name;
          token.authTime = Date.now();
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: String(token.uid ?? ''), name: String(token.name ?? '') };
        session.authTime = Number(token.authTime ?? 0);
        return session;
      },
    },
  };
  return cached;
}
