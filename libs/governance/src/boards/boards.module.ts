import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { BoardsController } from './boards.controller';
import { EstablishBoardHandler } from './establish-board/establish-board.handler';
import { RecordPartnerJoiningHandler } from './record-partner-joining/record-partner-joining.handler';
import { RecordPartnerLeavingHandler } from './record-partner-leaving/record-partner-leaving.handler';

/** Leadership and accountability: boards, their local authorities and partners. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [BoardsController],
  providers: [EstablishBoardHandler, RecordPartnerJoiningHandler, RecordPartnerLeavingHandler],
})
export class BoardsModule {}
