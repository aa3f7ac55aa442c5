import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which live session a use case acts in (ADR 0020). The database derives the actor from the
 * session's token, so `withActor` needs the token of the request it serves: the web app
 * registers a resolver that reads it from the request's cookie (lib/auth/session.ts); code that
 * runs outside a request's scope (a live-event stream) passes it explicitly.
 */
type Resolver = (userId: string) => Promise<string | null>;

let resolver: Resolver = async () => null;
const scope = new AsyncLocalStorage<string>();

export function setSessionTokenResolver(r: Resolver): void {
  resolver = r;
}

export function withSessionToken<T>(token: string, fn: () => Promise<T>): Promise<T> {
  return scope.run(token, fn);
}

export async function sessionTokenFor(userId: string): Promise<string | null> {
  return scope.getStore() ?? resolver(userId);
}
