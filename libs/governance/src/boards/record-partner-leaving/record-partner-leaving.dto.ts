import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_KINDS, type PartnerKind } from '../boards.events';

/** The `PartnerLeft` data without `boardId` and `partnerId` (the path gives them). */
export class RecordPartnerLeavingRequest {
  @ApiPropertyOptional({ example: 'Probation Service Wales' })
  name?: string;

  @ApiPropertyOptional({ enum: PARTNER_KINDS, example: 'probation' })
  kind?: PartnerKind;

  @ApiPropertyOptional({ example: true })
  statutory?: boolean;

  @ApiProperty({ example: '2026-03-31', description: 'The day it left: YYYY-MM-DD, not after today; it is still a partner on that day' })
  on!: string;
}

export const RECORD_PARTNER_LEAVING_EXAMPLE = { on: '2026-03-31' };
