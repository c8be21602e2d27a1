import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/** The `MetricTargetSet` data without `boardId`, `metricCode` and `financialYear` (the path gives them). */
export class SetMetricTargetRequest {
  @ApiProperty({ example: 0.9, description: "The target value, in the metric's unit (a rate is between 0 and 1)" })
  target!: number;

  @ApiPropertyOptional({ example: 0.05, description: 'How far from the target still counts as amber; 0 or more' })
  amberWithin?: number;
}

export const SET_METRIC_TARGET_EXAMPLE = { target: 0.9, amberWithin: 0.05 };

export class MetricTargetRecorded extends RecordedFact {
  @ApiProperty({ example: 'CP-ICPC-15WD' })
  metricCode!: string;

  @ApiProperty({ example: '2025-26' })
  financialYear!: string;
}
