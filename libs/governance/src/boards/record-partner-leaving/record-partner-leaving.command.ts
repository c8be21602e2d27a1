import { BoardCommand } from '../../board-command';
import type { PartnerMembershipChangedData } from '../boards.events';

/** Record that a partner left the board (`PartnerLeft`). */
export class RecordPartnerLeavingCommand extends BoardCommand<PartnerMembershipChangedData> {}
