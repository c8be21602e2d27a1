import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { MeetingsController } from './meetings.controller';
import { RecordBoardMeetingHandler } from './record-board-meeting/record-board-meeting.handler';

/** Leadership: board meetings and who attended. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [MeetingsController],
  providers: [RecordBoardMeetingHandler],
})
export class MeetingsModule {}
