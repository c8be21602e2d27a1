import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';
import { PARTNER_KINDS, type PartnerKind } from '../boards.events';

/** The `PartnerJoined` data without `boardId` (the path gives it). */
export class RecordPartnerJoiningRequest {
  @ApiProperty({ example: 'probation-wales' })
  partnerId!: string;

  @ApiPropertyOptional({ example: 'Probation Service Wales' })
  name?: string;

  @ApiPropertyOptional({ enum: PARTNER_KINDS, example: 'probation' })
  kind?: PartnerKind;

  @ApiPropertyOptional({ example: true })
  statutory?: boolean;

  @ApiProperty({ example: '2025-05-01', description: 'The day it joined: YYYY-MM-DD, not after today' })
  on!: string;
}

export const RECORD_PARTNER_JOINING_EXAMPLE = {
  partnerId: 'probation-wales',
  name: 'Probation Service Wales',
  kind: 'probation',
  statutory: true,
  on: '2025-05-01',
};

export class PartnerMembershipRecorded extends RecordedFact {
  @ApiProperty({ example: 'probation-wales' })
  partnerId!: string;

  @ApiProperty({ example: '2025-05-01' })
  on!: string;
}
