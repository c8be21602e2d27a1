import { ApiProperty } from '@nestjs/swagger';

export class GradeCounts {
  @ApiProperty({ example: 1 })
  outstanding!: number;

  @ApiProperty({ example: 4 })
  good!: number;

  @ApiProperty({ name: 'requires-improvement', example: 2 })
  'requires-improvement'!: number;

  @ApiProperty({ example: 0 })
  inadequate!: number;
}

export class AuditProgrammeEntry {
  @ApiProperty({ example: 'a1' })
  auditId!: string;

  @ApiProperty({ example: 'Multi-agency audit: neglect' })
  title!: string;

  @ApiProperty({ example: '2025-09-30' })
  dueOn!: string;

  @ApiProperty({ type: String, nullable: true, example: '2025-09-12' })
  completedOn!: string | null;

  @ApiProperty({
    enum: ['completed', 'due', 'overdue'],
    description: 'due: not completed, due today or later; overdue: not completed and past its due date',
  })
  state!: 'completed' | 'due' | 'overdue';

  @ApiProperty({ type: Boolean, nullable: true, description: 'Completed on or before dueOn; null while not completed' })
  completedOnTime!: boolean | null;

  @ApiProperty({ type: GradeCounts, description: 'Case results by grade' })
  grades!: GradeCounts;
}

export class AuditProgrammeSummary {
  @ApiProperty({ example: 6 })
  scheduled!: number;

  @ApiProperty({ example: 4 })
  completed!: number;

  @ApiProperty({ example: 3 })
  completedOnTime!: number;

  @ApiProperty({ example: 1 })
  due!: number;

  @ApiProperty({ example: 1 })
  overdue!: number;

  @ApiProperty({ type: GradeCounts, description: 'Case results of completed audits by grade' })
  grades!: GradeCounts;
}

/** The board's audit programme as recorded: every audit in force, folded from its stream. */
export class AuditProgramme {
  @ApiProperty({ example: 'cardiff-vale' })
  boardId!: string;

  @ApiProperty({ example: '2025-10-01', description: 'The day (UK) that due and overdue are judged on' })
  asOf!: string;

  @ApiProperty({ type: [AuditProgrammeEntry] })
  audits!: AuditProgrammeEntry[];

  @ApiProperty({ type: AuditProgrammeSummary })
  summary!: AuditProgrammeSummary;
}
