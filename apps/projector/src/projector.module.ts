import { Module } from '@nestjs/common';
import { MetricsModule } from '@app/metrics';
import { EventStoreModule, LedgerConfigModule, LoggingModule } from '@app/platform';

/**
 * The projections on their own: follows the store's checkpointed subscription and keeps the
 * read models current, so API processes can run with LEDGER_RUN_PROJECTIONS=false and scale
 * out. With PostgreSQL the read model is shared by every process; several projectors may run,
 * and the read model's checkpoint lock keeps them from applying an event twice.
 */
@Module({
  imports: [LedgerConfigModule, LoggingModule, EventStoreModule.forRoot(), MetricsModule],
})
export class ProjectorModule {}
