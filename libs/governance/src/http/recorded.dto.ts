import { ApiProperty } from '@nestjs/swagger';

/** What every board command answers: the stored event and whether it was new. */
export class RecordedFact {
  @ApiProperty({ example: '6f1c2a9e-3d4b-4f7a-9c1e-2b8d7e6a5f40', description: 'Id of the stored event' })
  eventId!: string;

  @ApiProperty({ type: Number, nullable: true, example: 1842, description: 'Global position of the stored event in the log' })
  position!: number | null;

  @ApiProperty({
    enum: ['appended', 'duplicate'],
    example: 'appended',
    description: 'duplicate: the same request (same Idempotency-Key) was recorded before; nothing new was stored',
  })
  status!: 'appended' | 'duplicate';
}
