import { AsyncLocalStorage } from 'node:async_hooks';
import type { Identity } from './identity';

const storage = new AsyncLocalStorage<Identity>();

/**
 * The identity of the request being handled, for code that sits behind a port and never sees
 * the request (the board lookups of ingestion). The HTTP edge runs each handler inside
 * {@link runAs}; outside a request there is no identity, and callers must then refuse.
 */
export const IdentityContext = {
  runAs<T>(identity: Identity, work: () => T): T {
    return storage.run(identity, work);
  },

  current(): Identity | undefined {
    return storage.getStore();
  },
};
