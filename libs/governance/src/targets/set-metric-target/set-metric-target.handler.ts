import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { MetricTarget } from '../metric-target.aggregate';
import { SetMetricTargetCommand } from './set-metric-target.command';

@CommandHandler(SetMetricTargetCommand)
export class SetMetricTargetHandler implements ICommandHandler<SetMetricTargetCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
  ) {}

  async execute({ data, context }: SetMetricTargetCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new MetricTarget(data.boardId, data.metricCode, data.financialYear),
      context,
      (target) => target.set(data),
    );
  }
}
