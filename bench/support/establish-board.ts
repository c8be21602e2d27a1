import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { IngestEvents, IngestionModule } from '@app/ingestion';
import { EventStoreModule, LedgerConfigModule } from '@app/platform';
import { GovernanceIngestionModule } from '@app/governance';
import type { CloudEventJson } from '../../apps/ingestor/src/testing/case-event.factory';

@Module({ imports: [LedgerConfigModule, EventStoreModule.forRoot(), IngestionModule.register({ imports: [GovernanceIngestionModule] })] })
class EstablishBoardModule {}

/** Records the board in the configured store before a timed run, so no case event waits for it; returns the head position after. */
export async function establishBoard(event: CloudEventJson): Promise<number> {
  const app = await NestFactory.createApplicationContext(EstablishBoardModule, { logger: ['error'] });
  try {
    const [outcome] = await app
      .get(IngestEvents)
      .ingest([{ raw: event, transport: { kind: 'internal', name: 'bench' }, correlationId: 'bench' }]);
    if (outcome.status === 'rejected') throw new Error(`The bench board was rejected: ${JSON.stringify(outcome.errors)}`);
    return await app.get<EventStore>(EVENT_STORE).headPosition();
  } finally {
    await app.close();
  }
}
