import { SetMetadata } from '@nestjs/common';
import type { Role } from '../identity/identity';

export const ROLES_METADATA = 'security:roles';
export const BOARD_IN_BODY_METADATA = 'security:board-in-body';
export const LISTS_BOARDS_METADATA = 'security:lists-boards';
export const CHILD_LEVEL_READ_METADATA = 'security:child-level-read';

/**
 * The roles that may call a route (api.md, "Who may do what"); on a class it applies to every
 * route, on a method it replaces the class's. A route with none answers 403 to everyone. A
 * `:boardId` in the path is always scoped to the caller's boards, with no decorator needed.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_METADATA, roles);

/** The route names its board in a body field (establishing a board): that board must be one of the caller's. */
export const BoardInBody = (field: string) => SetMetadata(BOARD_IN_BODY_METADATA, field);

/** The route answers `{ boards: [{ boardId, ... }] }`: the caller sees only its own boards. */
export const ListsBoards = () => SetMetadata(LISTS_BOARDS_METADATA, true);

/** The route answers child-level data of `:boardId`: each read is recorded in the log (who, board, what, when) before it is answered. */
export const ChildLevelRead = () => SetMetadata(CHILD_LEVEL_READ_METADATA, true);
