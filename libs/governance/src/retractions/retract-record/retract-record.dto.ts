import { ApiProperty } from '@nestjs/swagger';
import { RETRACTABLE_BOARD_EVENT_NAMES } from '@app/ingestion/catalogue/event-names';
import { RecordedFact } from '../../http/recorded.dto';

/** The `RecordRetracted` data without `boardId`. */
export class RetractRecordRequest {
  @ApiProperty({ enum: RETRACTABLE_BOARD_EVENT_NAMES, example: 'AuditCompleted' })
  retractedType!: string;

  @ApiProperty({
    example: 'a1',
    description: 'The business key of the fact; composite keys joined by "/": partnerId/on, actionId/changedOn, metricCode/financialYear',
  })
  businessId!: string;

  @ApiProperty({ example: 'Recorded against the wrong audit' })
  reason!: string;
}

export const RETRACT_RECORD_EXAMPLE = { retractedType: 'AuditCompleted', businessId: 'a1', reason: 'Recorded against the wrong audit' };

export class RetractionRecorded extends RecordedFact {
  @ApiProperty({ example: 'AuditCompleted' })
  retractedType!: string;

  @ApiProperty({ example: 'a1' })
  businessId!: string;
}
