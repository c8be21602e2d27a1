import { BoardCommand } from '../../board-command';
import type { FundingContributionAgreedData } from '../funding.events';

/** Agree a partner's funding contribution for a financial year (`FundingContributionAgreed`). */
export class AgreeFundingContributionCommand extends BoardCommand<FundingContributionAgreedData> {}
