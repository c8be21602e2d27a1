import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateDemo } from '@app/demo';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { BOARDS_STREAM } from '@app/governance';
import { IngestEvents, type IngestItem } from '@app/ingestion';
import { LedgerConfig } from '@app/platform';
import { ProjectionRegistry } from '@app/projections';
import { ALL_BOARDS, IdentityContext, type Identity } from '@app/security';

/** The demo is loaded by the process itself, as an ingest identity for every board. */
const DEMO_LOADER: Identity = { subject: 'system:demo', kind: 'system', roles: ['ingest'], boards: [ALL_BOARDS] };

export interface DemoLoadSummary {
  loaded: number;
  rejected: number;
  seconds: number;
  /** When half the demo had been recorded: an instant whose "as known at" answers differ from today's. */
  halfwayRecordedAt: string;
}

/**
 * Loads the demo (six Welsh regional boards, two years, seed 1) into an empty embedded store
 * through the real ingestion pipeline, so a first `npm start` shows the product working on
 * realistic data. Never on a production store, never once a board exists, and not
 * when LEDGER_DEMO=off.
 */
@Injectable()
export class DemoLoader {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ingestion: IngestEvents,
    private readonly registry: ProjectionRegistry,
    private readonly config: LedgerConfig,
  ) {}

  async loadIfEmpty(): Promise<DemoLoadSummary | null> {
    if (this.config.LEDGER_DEMO === 'off' || this.config.LEDGER_STORE !== 'sqlite') return null;
    // Empty means no board has been established (the first admin key may already be stored).
    if ((await this.store.readStream(BOARDS_STREAM)).length > 0) return null;
    const started = performance.now();
    this.logger.log('the store is empty: loading the demo (6 boards, 2 years, seed 1); LEDGER_DEMO=off skips this');
    let batch: IngestItem[] = [];
    let loaded = 0;
    let rejected = 0;
    const flush = async () => {
      const items = batch;
      const outcomes = await IdentityContext.runAs(DEMO_LOADER, () => this.ingestion.ingest(items, new Date('2026-03-31T23:00:00Z')));
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') rejected++;
        else loaded++;
      }
      batch = [];
    };
    for (const event of generateDemo({ boards: 6, years: 2, seed: 1 })) {
      batch.push({ raw: event, transport: { kind: 'internal', name: 'demo' }, correlationId: 'demo' });
      if (batch.length === 1_000) await flush();
    }
    await flush();
    for (const runner of this.registry.all()) await runner.caughtUp(undefined, 300_000);
    const seconds = (performance.now() - started) / 1000;
    const [halfway] = await this.store.readPositions([Math.ceil((await this.store.headPosition()) / 2)]);
    this.logger.log(
      `demo loaded: ${loaded} events in ${seconds.toFixed(1)} s (${rejected} rejected by the contract or the boards' rules, as a real feed would be)`,
    );
    return { loaded, rejected, seconds, halfwayRecordedAt: halfway.recordedAt };
  }
}
