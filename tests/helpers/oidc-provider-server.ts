/**
 * A real OpenID Connect provider for the e2e run (issue 14 §1, ADR 0044), built on
 * `oidc-provider` (the certified Node.js implementation): discovery, authorisation code with
 * PKCE, signed ID tokens, RP-initiated logout and back-channel logout. It stands in for the government IdP
 * (ACM/IDM) or an organisation's IdP. Its own small login page lets the browser choose the
 * account and the means of login, which decides the `acr` (and `amr`) of the ID token.
 * Started by playwright.config.ts:  npx tsx tests/helpers/oidc-provider-server.ts <port> <app-url>
 */
import http from 'node:http';
import { Provider, type KoaContextWithOIDC } from 'oidc-provider';
import { ACR_LOW, ACR_SUBSTANTIAL, IDP_ACCOUNTS, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } from './oidc';

const port = Number(process.argv[2]);
const app = process.argv[3]!.replace(/\/$/, '');
const issuer = `http://127.0.0.1:${port}`;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      redirect_uris: [`${app}/api/auth/callback/oidc`],
      post_logout_redirect_uris: [`${app}/login?fout=afgemeld`],
      // OpenID Connect Back-Channel Logout 1.0: a sign-out here is told to the app, server to server
      backchannel_logout_uri: `${app}/api/oidc/backchannel-logout`,
      backchannel_logout_session_required: false,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  acrValues: [ACR_LOW, ACR_SUBSTANTIAL],
  scopes: ['openid', 'profile', 'rrn'],
  claims: { openid: ['sub'], profile: ['name'], rrn: ['rrn'], acr: null, amr: null },
  // a government IdP puts the asked-for claims in the ID token, which is what the app reads
  conformIdTokenClaims: false,
  cookies: { keys: ['test-idp-cookie-key-1'] },
  features: {
    devInteractions: { enabled: false },
    backchannelLogout: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource(ctx, form) {
        ctx.body = page(
          'Afmelden bij de test-IdP',
          `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, afmelden</button>`,
        );
      },
    },
  },
  async findAccount(_ctx, id) {
    const account = Object.values(IDP_ACCOUNTS).find((a) => a.sub === id);
    if (!account) return undefined;
    return { accountId: id, claims: () => ({ sub: id, name: account.name, rrn: account.rrn }) };
  },
  // the client is the organisation's own application: no consent screen
  async loadExistingGrant(ctx: KoaContextWithOIDC) {
    const clientId = ctx.oidc.client!.clientId;
    const accountId = ctx.oidc.session!.accountId!;
    const existing = ctx.oidc.session!.grantIdFor(clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
    grant.addOIDCScope('openid profile rrn');
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // oidc-provider refuses outgoing requests to loopback addresses (SSRF protection); this test IdP
  // and the app both run on 127.0.0.1, so its back-channel logout goes out without that check
  fetch: (url: string, options: RequestInit & { dispatcher?: unknown }) => {
    const { dispatcher: _local, ...rest } = options;
    return fetch(url, rest);
  },
  pkce: { required: () => true },
  ttl: { Session: 3600, Interaction: 3600, Grant: 3600, AuthorizationCode: 120, IdToken: 600, AccessToken: 600 },
});
provider.proxy = false;
// a failed back-channel logout is otherwise silent: say so on stderr (shown in the e2e output)
provider.on('backchannel.error', (_ctx: unknown, err: Error, client: { clientId: string }) =>
  process.stderr.write(`test-IdP: back-channel logout to ${client.clientId} failed: ${err.message}\n`),
);
provider.on('end_session.success', (ctx: KoaContextWithOIDC) =>
  process.stderr.write(
    `test-IdP: session ended (clients: ${Object.keys(ctx.oidc.session?.authorizations ?? {}).join(', ') || 'none'})\n`,
  ),
);

function loginForm(uid: string, error?: string) {
  return page(
    'Aanmelden bij de test-IdP',
    `${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
  <label for="login">Gebruikersnaam</label> <input id="login" name="login" autocomplete="off">
  <label for="means">Aanmeldmiddel</label>
  <select id="means" name="means">
    <option value="mfa">itsme of beveiligingscode (tweede factor)</option>
    <option value="pwd">alleen wachtwoord</option>
  </select>
  <button type="submit">Inloggen bij de test-IdP</button>
</form>`,
  );
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', issuer).pathname);
  if (!match) return callback(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== match[1]) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(loginForm(details.uid));
      return;
    }
    const form = await readForm(req);
    const account = IDP_ACCOUNTS[form.get('login') ?? ''];
    if (!account) {
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(loginForm(details.uid, 'Onbekende gebruikersnaam.'));
      return;
    }
    const mfa = form.get('means') === 'mfa';
    await provider.interactionFinished(
      req,
      res,
      {
        login: {
          accountId: account.sub,
          acr: mfa ? ACR_SUBSTANTIAL : ACR_LOW,
          amr: mfa ? ['pwd', 'otp'] : ['pwd'],
        },
      },
      { mergeWithLastSubmission: false },
    );
  } catch (err) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`test-IdP: ${String(err)}`);
  }
});
server.listen(port, '127.0.0.1', () => console.log(`test OpenID Connect provider at ${issuer}`));
