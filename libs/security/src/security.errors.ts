import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { Role } from './identity/identity';

/** 401: no usable bearer token. The message says which rule the token broke, never the token. */
export class NotAuthenticated extends UnauthorizedException {
  constructor(readonly rule: string) {
    super(`Authentication required: ${rule}`);
    this.name = 'NotAuthenticated';
  }
}

/** 403: the identity has none of the roles the route requires. Answered alike for every board, so it reveals none. */
export class RoleRequired extends ForbiddenException {
  constructor(readonly required: readonly Role[]) {
    super(
      required.length === 0
        ? 'This route declares no role, so no identity may call it'
        : `This route requires one of the roles: ${required.join(', ')}`,
    );
    this.name = 'RoleRequired';
  }
}

/** 403: a board named in a body (establishing a board) is not one of the identity's boards. */
export class BoardNotInScope extends ForbiddenException {
  constructor(readonly boardId: string) {
    super(`Board ${boardId} is not one of the boards your identity is bound to`);
    this.name = 'BoardNotInScope';
  }
}

/** Thrown by the key ring when a key id names no key. */
export class UnknownApiKey extends Error {
  constructor(readonly keyId: string) {
    super(`API key ${keyId} was not found`);
    this.name = 'UnknownApiKey';
  }
}

/** An identity that cannot be issued: no role, an unknown role, or a malformed board id. */
export class InvalidApiKeyGrant extends Error {
  constructor(readonly problems: string[]) {
    super(`The key cannot be issued: ${problems.join('; ')}`);
    this.name = 'InvalidApiKeyGrant';
  }
}
