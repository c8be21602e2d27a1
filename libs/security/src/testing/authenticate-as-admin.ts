import type { INestApplication } from '@nestjs/common';
import { ALL_BOARDS, ROLES } from '../identity/identity';
import { ApiKeyRing } from '../api-keys/api-key-ring';

interface HeaderRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * For e2e tests of other features only: wraps `configureApp` so that a request sent with no
 * `Authorization` header is sent with a real admin key (every role, every board), issued once in
 * the test app's own store. The key still goes through the whole guard; requests that carry
 * their own `Authorization` are left alone. Never used by an app.
 */
export function authenticateAsAdmin(configure: (app: INestApplication) => void): (app: INestApplication) => void {
  return (app) => {
    configure(app);
    let key: Promise<string> | undefined;
    app.use((request: HeaderRequest, _response: unknown, next: (error?: unknown) => void) => {
      if (request.headers.authorization !== undefined) return next();
      key ??= app
        .get(ApiKeyRing)
        .issue({ roles: [...ROLES], boards: [ALL_BOARDS], label: 'e2e admin', issuedBy: 'e2e' })
        .then((issued) => issued.key);
      key.then(
        (value) => {
          request.headers.authorization = `Bearer ${value}`;
          next();
        },
        (error: unknown) => next(error),
      );
    });
  };
}
