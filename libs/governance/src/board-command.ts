import { Command } from '@nestjs/cqrs';
import type { CommandContext, HandledCommand } from '@app/ddd';

/**
 * A command that records one board event: `data` is the event's data exactly as events.md defines
 * it (already validated for shape at the edge), `context` says who sent it and how.
 */
export abstract class BoardCommand<D> extends Command<HandledCommand> {
  constructor(
    readonly data: D,
    readonly context: CommandContext,
  ) {
    super();
  }
}
