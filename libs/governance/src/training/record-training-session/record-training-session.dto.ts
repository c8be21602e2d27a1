import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

export class TrainingAttendanceRequest {
  @ApiProperty({ example: 'police-sw', description: 'A partner of the board on the day' })
  partnerId!: string;

  @ApiProperty({ example: 6, description: 'How many it sent' })
  count!: number;
}

/** The `TrainingDelivered` data without `boardId`. */
export class RecordTrainingSessionRequest {
  @ApiProperty({ example: 'tr-2025-06-neglect' })
  sessionId!: string;

  @ApiProperty({ example: '2025-06-18', description: 'YYYY-MM-DD, not after today' })
  on!: string;

  @ApiProperty({ example: 30 })
  placesOffered!: number;

  @ApiProperty({ type: [TrainingAttendanceRequest] })
  attendees!: TrainingAttendanceRequest[];
}

export const RECORD_TRAINING_SESSION_EXAMPLE = {
  sessionId: 'tr-2025-06-neglect',
  on: '2025-06-18',
  placesOffered: 30,
  attendees: [
    { partnerId: 'police-sw', count: 6 },
    { partnerId: 'cardiff-council', count: 14 },
  ],
};

export class TrainingSessionRecorded extends RecordedFact {
  @ApiProperty({ example: 'tr-2025-06-neglect' })
  sessionId!: string;
}
