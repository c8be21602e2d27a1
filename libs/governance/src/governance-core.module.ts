import { Module } from '@nestjs/common';
import { AggregateRepository } from '@app/ddd';
import { BoardDirectory } from './boards/board-directory';
import { BoardStreamIndex } from './boards/board-stream-index';
import { GovernanceClock, UkGovernanceClock } from './governance-clock';
import { BoardCommandRecorder } from './http/board-command-recorder';

/**
 * What every governance area needs: the aggregate repository, today's UK date, the board
 * directory and stream index, and the HTTP edge of board commands. Needs `EVENT_STORE` and the
 * CQRS buses from the application (both global).
 */
@Module({
  providers: [
    AggregateRepository,
    { provide: GovernanceClock, useClass: UkGovernanceClock },
    BoardDirectory,
    BoardStreamIndex,
    BoardCommandRecorder,
  ],
  exports: [AggregateRepository, GovernanceClock, BoardDirectory, BoardStreamIndex, BoardCommandRecorder],
})
export class GovernanceCoreModule {}
