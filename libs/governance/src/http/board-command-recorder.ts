import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext } from '@app/ddd';
import type { BoardEventName } from '@app/ingestion/catalogue/event-names';
import type { BoardCommand } from '../board-command';
import { GovernanceClock } from '../governance-clock';
import { boardEventDataFromRequest } from './board-event-body';
import { httpCommandContext, type HttpCommandRequest } from './http-command-context';
import type { RecordedFact } from './recorded.dto';

/** The HTTP edge of every board command: validate the body, build the command with its context, run it. */
@Injectable()
export class BoardCommandRecorder {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: GovernanceClock,
  ) {}

  /** Records the event and answers the stored event with the data, so that a controller can add the resource key. */
  async record<D>(
    request: HttpCommandRequest,
    eventName: BoardEventName,
    fromPath: Record<string, string>,
    body: unknown,
    command: (data: D, context: CommandContext) => BoardCommand<D>,
  ): Promise<{ data: D; recorded: RecordedFact }> {
    const data = boardEventDataFromRequest<D>(eventName, fromPath, body, this.clock.today());
    const context = httpCommandContext(request);
    const handled = await this.commands.execute(command(data, context));
    return {
      data,
      recorded: { eventId: context.eventId, position: handled.position, status: handled.status === 'duplicate' ? 'duplicate' : 'appended' },
    };
  }
}
