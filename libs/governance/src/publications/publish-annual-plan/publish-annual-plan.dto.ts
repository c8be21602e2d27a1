import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/** The `AnnualPlanPublished` / `AnnualReportPublished` data without `boardId`. */
export class PublishAnnualDocumentRequest {
  @ApiProperty({ example: '2025-26', description: 'The year the plan is for, or the report is on' })
  financialYear!: string;

  @ApiProperty({ example: '2025-03-20', description: 'YYYY-MM-DD, not after today' })
  publishedOn!: string;
}

export const PUBLISH_ANNUAL_PLAN_EXAMPLE = { financialYear: '2025-26', publishedOn: '2025-03-20' };

export class AnnualDocumentRecorded extends RecordedFact {
  @ApiProperty({ example: '2025-26' })
  financialYear!: string;
}
