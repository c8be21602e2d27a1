import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/**
 * The `FundingContributionReceived` data without `boardId`. The contribution must have been agreed
 * with the same partner; more than agreed may be received (metrics cap it at the agreed amount).
 */
export class ReceiveFundingContributionRequest {
  @ApiProperty({ example: 'r-2025-0917' })
  receiptId!: string;

  @ApiProperty({ example: 'c-2025-police' })
  contributionId!: string;

  @ApiProperty({ example: 'police-sw' })
  partnerId!: string;

  @ApiProperty({ example: 2500000, description: 'Whole pence, 0 or more' })
  amountPence!: number;

  @ApiProperty({ example: '2025-09-17', description: 'YYYY-MM-DD, not after today' })
  receivedOn!: string;
}

export const RECEIVE_FUNDING_CONTRIBUTION_EXAMPLE = {
  receiptId: 'r-2025-0917',
  contributionId: 'c-2025-police',
  partnerId: 'police-sw',
  amountPence: 2500000,
  receivedOn: '2025-09-17',
};

export class FundingReceiptRecorded extends RecordedFact {
  @ApiProperty({ example: 'r-2025-0917' })
  receiptId!: string;

  @ApiProperty({ example: 'c-2025-police' })
  contributionId!: string;
}
