import { BoardCommand } from '../../board-command';
import type { PartnerMembershipChangedData } from '../boards.events';

/** Record that a partner joined the board (`PartnerJoined`). */
export class RecordPartnerJoiningCommand extends BoardCommand<PartnerMembershipChangedData> {}
