/**
 * The test OpenID Connect provider of the e2e run (issue 14 §1, ADR 0044): its port, the app
 * instance that uses it, the client and the accounts. Shared by playwright.config.ts, the
 * provider script (oidc-provider-server.ts) and tests/e2e/oidc.spec.ts.
 */
export const OIDC_CLIENT_ID = 'vhd-e2e';
export const OIDC_CLIENT_SECRET = 'vhd-e2e-test-client-secret-not-for-production';
/** eIDAS levels of assurance, as a government IdP states them in `acr`. */
export const ACR_SUBSTANTIAL = 'http://eidas.europa.eu/LoA/substantial';
export const ACR_LOW = 'http://eidas.europa.eu/LoA/low';

/** The app instance with OIDC (E2E_PORT + 2) and the provider (E2E_PORT + 3). */
export const oidcPorts = (port: number) => ({ app: port + 2, provider: port + 3 });
export const oidcIssuer = (port: number) => `http://127.0.0.1:${oidcPorts(port).provider}`;

/** A valid Belgian national number (check digits per the 1900s rule) from 9 digits. */
export function nationalNumber(nine: string): string {
  return `${nine}${String(97 - (Number(nine) % 97)).padStart(2, '0')}`;
}

/** The IdP's accounts: login name → subject and claims. */
export const IDP_ACCOUNTS: Record<string, { sub: string; name: string; rrn: string }> = {
  // registered by the administrator on a local account before its first login (linked by rrn)
  'lien.peeters': { sub: 'idp-4f1c0e2a-lien', name: 'Lien Peeters', rrn: nationalNumber('850730033') },
  // a real person at the IdP, but nobody in Veilig Huis Dossier registered them
  'tom.onbekend': { sub: 'idp-9a7d21b3-tom', name: 'Tom Onbekend', rrn: nationalNumber('790214117') },
};
