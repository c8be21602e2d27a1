import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';
import { METRIC_CODES } from '@app/ingestion/catalogue/metric-codes';

/** The `StrategicPriorityDefined` data without `boardId`. Defining a priority id again corrects it. */
export class DefineStrategicPriorityRequest {
  @ApiProperty({ example: 'p-neglect' })
  priorityId!: string;

  @ApiProperty({ example: 'Earlier help for children living with neglect' })
  title!: string;

  @ApiProperty({ example: '2025-26' })
  financialYear!: string;

  @ApiPropertyOptional({ type: [String], enum: METRIC_CODES, example: ['CP-REREG-12M'], description: 'Metrics that evidence the priority' })
  metricCodes?: string[];
}

export const DEFINE_STRATEGIC_PRIORITY_EXAMPLE = {
  priorityId: 'p-neglect',
  title: 'Earlier help for children living with neglect',
  financialYear: '2025-26',
  metricCodes: ['CP-REREG-12M', 'CP-REPEAT-PLAN'],
};

export class StrategicPriorityRecorded extends RecordedFact {
  @ApiProperty({ example: 'p-neglect' })
  priorityId!: string;
}
