// The few parts of oidc-provider (v9, no bundled types) the test IdP uses.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface KoaContextWithOIDC {
    body: unknown;
    oidc: {
      client?: { clientId: string };
      session?: {
        accountId?: string;
        authorizations?: Record<string, unknown>;
        grantIdFor(clientId: string): string | undefined;
      };
      provider: Provider;
    };
  }
  interface GrantInstance {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  }
  interface GrantClass {
    new (init: { clientId: string; accountId: string }): GrantInstance;
    find(id: string): Promise<GrantInstance | undefined>;
  }
  export class Provider {
    constructor(
      issuer: string,
      configuration: Record<string, unknown> & {
        features?: {
          backchannelLogout?: { enabled: boolean };
          rpInitiatedLogout?: { enabled: boolean; logoutSource?: (ctx: KoaContextWithOIDC, form: string) => void };
          devInteractions?: { enabled: boolean };
        };
        findAccount?: (
          ctx: KoaContextWithOIDC,
          id: string,
        ) => Promise<{ accountId: string; claims: () => Record<string, unknown> } | undefined>;
        loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<GrantInstance | undefined>;
        interactions?: { url: (ctx: KoaContextWithOIDC, interaction: { uid: string }) => string };
      },
    );
    proxy: boolean;
    Grant: GrantClass;
    on(event: string, listener: (...args: never[]) => void): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<{ uid: string; prompt: { name: string } }>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Record<string, unknown>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }
}
