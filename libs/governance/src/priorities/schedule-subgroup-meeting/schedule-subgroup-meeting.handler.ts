import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { BoardStreamIndex } from '../../boards/board-stream-index';
import { SubgroupMeetingScheduled } from '../priorities.events';
import { assertMeetingNotInAnotherSubgroup } from '../subgroup-meeting.rules';
import { Subgroup } from '../subgroup.aggregate';
import { ScheduleSubgroupMeetingCommand } from './schedule-subgroup-meeting.command';

@CommandHandler(ScheduleSubgroupMeetingCommand)
export class ScheduleSubgroupMeetingHandler implements ICommandHandler<ScheduleSubgroupMeetingCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly index: BoardStreamIndex,
  ) {}

  async execute({ data, context }: ScheduleSubgroupMeetingCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    await assertMeetingNotInAnotherSubgroup(this.index, this.repository, data, SubgroupMeetingScheduled.type);
    return this.repository.handle(
      () => new Subgroup(data.boardId, data.subgroupId),
      context,
      (subgroup) => subgroup.schedule(data),
    );
  }
}
