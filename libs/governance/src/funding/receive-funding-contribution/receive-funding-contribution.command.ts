import { BoardCommand } from '../../board-command';
import type { FundingContributionReceivedData } from '../funding.events';

/** Record money received against an agreed contribution (`FundingContributionReceived`). */
export class ReceiveFundingContributionCommand extends BoardCommand<FundingContributionReceivedData> {}
