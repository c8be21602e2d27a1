import { assertSameContent, checkExpectedVersion, isAppendRuleError, nextRecordedAt, prepareEvents } from './append-plan';
import { ChainVerifier, chainHash, GENESIS_HASH } from './hash-chain';
import { AppendSignal, liveSubscription } from './live-subscription';
import type {
  AppendOptions,
  AppendOutcome,
  AppendRequest,
  AppendResult,
  AppendedEvent,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  VerificationResult,
  VerifyOptions,
} from './event-store.port';

/**
 * The port held in memory, for unit tests of code that uses it. It keeps every promise of the
 * contract (ordering, idempotency, hash chain), so a test that passes here means the same on
 * the real adapters; only durability is missing.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly appended = new AppendSignal(1_000);

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendNow(stream, events, options);
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    return requests.map((request) => {
      try {
        return { ok: true, result: this.appendNow(request.stream, request.events, request) };
      } catch (error) {
        if (isAppendRuleError(error)) return { ok: false, error };
        throw error;
      }
    });
  }

  private appendNow(stream: string, events: readonly NewEvent[], options: AppendOptions): AppendResult {
    const prepared = prepareEvents(stream, events);
    const existing = this.streams.get(stream) ?? [];
    const fresh = prepared.filter((event) => {
      const stored = this.byId.get(event.eventId);
      if (stored) assertSameContent(stored, stream, event);
      return !stored;
    });
    if (fresh.length > 0) checkExpectedVersion(stream, options.expectedVersion ?? 'any', existing.length);

    const results: AppendedEvent[] = [];
    for (const event of prepared) {
      const stored = this.byId.get(event.eventId);
      if (stored) {
        results.push({ eventId: stored.eventId, position: stored.position, version: stored.version, status: 'duplicate' });
        continue;
      }
      const last = this.log.at(-1);
      const unhashed = {
        eventId: event.eventId,
        type: event.type,
        stream,
        version: existing.length + 1,
        position: this.log.length + 1,
        data: event.data,
        metadata: event.metadata,
        recordedAt: nextRecordedAt(last?.recordedAt ?? null),
      };
      const recorded: RecordedEvent = { ...unhashed, hash: chainHash(last?.hash ?? GENESIS_HASH, unhashed) };
      this.log.push(recorded);
      existing.push(recorded);
      this.byId.set(recorded.eventId, recorded);
      results.push({ eventId: recorded.eventId, position: recorded.position, version: recorded.version, status: 'appended' });
    }
    this.streams.set(stream, existing);
    if (fresh.length > 0) this.appended.notify();
    return { nextExpectedVersion: existing.length, events: results };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromVersion ?? 1;
    return (this.streams.get(stream) ?? []).slice(Math.max(0, from - 1)).map(copy);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(1, options.fromPosition ?? 1);
    const to = Math.min(this.log.length, options.toPosition ?? Number.MAX_SAFE_INTEGER);
    const limit = options.limit ?? 1_000;
    return this.log.slice(from - 1, Math.min(to, from - 1 + limit)).map(copy);
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    return [...new Set(positions)]
      .filter((position) => position >= 1 && position <= this.log.length)
      .sort((a, b) => a - b)
      .map((position) => copy(this.log[position - 1]));
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return liveSubscription((o) => this.readAll(o), this.appended, options);
  }

  async headPosition(): Promise<number> {
    return this.log.length;
  }

  async positionAt(instant: Date): Promise<number> {
    const iso = instant.toISOString();
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.log[mid].recordedAt <= iso) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    const from = Math.max(1, options.fromPosition ?? 1);
    const verifier = new ChainVerifier(from > 1 ? this.log[from - 2].hash : GENESIS_HASH, from);
    for (const event of this.log.slice(from - 1)) if (!verifier.check(event)) break;
    return verifier.result();
  }

  async close(): Promise<void> {
    this.appended.notify();
  }

  /** For tests of tamper evidence: edits a stored event in place, as a rogue DBA would. */
  tamper(position: number, edit: (event: RecordedEvent) => void): void {
    edit(this.log[position - 1]);
  }
}

function copy(event: RecordedEvent): RecordedEvent {
  return structuredClone(event);
}
