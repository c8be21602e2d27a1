import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { BoardStreamIndex } from '../../boards/board-stream-index';
import { GovernanceClock } from '../../governance-clock';
import { SubgroupMeetingHeld } from '../priorities.events';
import { assertMeetingNotInAnotherSubgroup } from '../subgroup-meeting.rules';
import { Subgroup } from '../subgroup.aggregate';
import { RecordSubgroupMeetingCommand } from './record-subgroup-meeting.command';

@CommandHandler(RecordSubgroupMeetingCommand)
export class RecordSubgroupMeetingHandler implements ICommandHandler<RecordSubgroupMeetingCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly index: BoardStreamIndex,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: RecordSubgroupMeetingCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    await assertMeetingNotInAnotherSubgroup(this.index, this.repository, data, SubgroupMeetingHeld.type);
    return this.repository.handle(
      () => new Subgroup(data.boardId, data.subgroupId),
      context,
      (subgroup) => subgroup.hold(data, this.clock.today()),
    );
  }
}
