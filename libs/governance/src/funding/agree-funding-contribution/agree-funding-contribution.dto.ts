import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/** The `FundingContributionAgreed` data without `boardId`. Agreeing a contribution id again corrects it. */
export class AgreeFundingContributionRequest {
  @ApiProperty({ example: 'c-2025-police' })
  contributionId!: string;

  @ApiProperty({ example: 'police-sw', description: 'A partner of the board at some time in the financial year' })
  partnerId!: string;

  @ApiProperty({ example: '2025-26' })
  financialYear!: string;

  @ApiProperty({ example: 2500000, description: 'Whole pence, 0 or more' })
  amountPence!: number;

  @ApiProperty({ example: '2025-09-30', description: 'YYYY-MM-DD; may be in the future' })
  dueOn!: string;
}

export const AGREE_FUNDING_CONTRIBUTION_EXAMPLE = {
  contributionId: 'c-2025-police',
  partnerId: 'police-sw',
  financialYear: '2025-26',
  amountPence: 2500000,
  dueOn: '2025-09-30',
};

export class FundingContributionRecorded extends RecordedFact {
  @ApiProperty({ example: 'c-2025-police' })
  contributionId!: string;
}
