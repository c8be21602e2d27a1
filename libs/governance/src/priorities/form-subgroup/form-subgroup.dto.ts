import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/** The `SubgroupFormed` data without `boardId`. */
export class FormSubgroupRequest {
  @ApiProperty({ example: 'sg-qa' })
  subgroupId!: string;

  @ApiProperty({ example: 'Quality assurance subgroup' })
  name!: string;

  @ApiProperty({ example: '2024-09-01', description: 'YYYY-MM-DD, not after today' })
  formedOn!: string;
}

export const FORM_SUBGROUP_EXAMPLE = { subgroupId: 'sg-qa', name: 'Quality assurance subgroup', formedOn: '2024-09-01' };

export class SubgroupRecorded extends RecordedFact {
  @ApiProperty({ example: 'sg-qa' })
  subgroupId!: string;
}
