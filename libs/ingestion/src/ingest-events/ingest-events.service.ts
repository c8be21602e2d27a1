import { Inject, Injectable } from '@nestjs/common';
import { ukDateOf } from '@app/calendar';
import { DomainRuleViolation, NotFound, type CommandContext } from '@app/ddd';
import { EVENT_STORE, EventIdConflict, type AppendRequest, type EventMetadata, type EventStore, type Transport } from '@app/event-store';
import { businessKeyOf, retractedFactOf, scopeOf } from '../business-keys/business-key';
import type { EventName } from '../catalogue/event-names';
import { validateCloudEvent, type ValidatedCloudEvent } from '../cloud-event/validate-cloud-event';
import type { FieldError } from '../errors/field-error';
import { eventIdFor } from '../idempotency/event-id';
import { BoardKeyRing } from '../pseudonymisation/board-key-ring';
import { ChildPseudonymiser, pseudonymiseChildIdsInPlace } from '../pseudonymisation/pseudonymise-child-ids';
import { caseStream, isCaseFactName } from './case-stream';
import { BOARD_EVENT_HANDLER, BOARD_LOOKUP, type BoardEventHandler, type BoardLookup } from './ingestion.ports';

/** One message to ingest: a parsed structured-mode CloudEvent and where it came from. */
export interface IngestItem {
  raw: unknown;
  byteLength?: number;
  transport: Transport;
  correlationId: string;
}

export type RejectionKind = 'invalid' | 'unknown-board' | 'conflict' | 'rule';

export type IngestOutcome =
  | { status: 'accepted' | 'duplicate'; id: string; source: string; position: number | null }
  | { status: 'rejected'; kind: RejectionKind; id: string | null; source: string | null; errors: FieldError[]; rule?: string };

/**
 * Ingestion of CloudEvents from case systems and boards, whatever the transport:
 * validate against events.md, route to the board (case events by local authority), pseudonymise
 * every child identifier with the board's key, and append exactly once.
 *
 * Exactly once: the store event id is a UUID v5 of the CloudEvent `(source, id)`, and the store
 * enforces event-id idempotency in the same transaction as the append, so a redelivery is a
 * `duplicate` and a re-used id with other content a `conflict`. Case events of a batch are
 * appended with one group commit; a board event is handled by the board's rules in order, so an
 * event may rely on one before it in the same batch (a `BoardEstablished`, then its case events).
 * Board facts other than an establishment do not wait for the case events before them: the two
 * kinds never depend on each other, and the batch's case events stay in one commit.
 *
 * Rejections are outcomes, never exceptions. Only an unavailable store throws (retryable): the
 * caller must not acknowledge anything of the batch then.
 */
@Injectable()
export class IngestEvents {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BOARD_LOOKUP) private readonly boards: BoardLookup,
    @Inject(BOARD_EVENT_HANDLER) private readonly boardEvents: BoardEventHandler,
    private readonly keyRing: BoardKeyRing,
  ) {}

  async ingest(items: readonly IngestItem[], now = new Date()): Promise<IngestOutcome[]> {
    const today = ukDateOf(now);
    const outcomes: IngestOutcome[] = new Array(items.length);
    const pending: Array<{ index: number; request: AppendRequest; event: ValidatedCloudEvent }> = [];
    const boardOf = new Map<string, string | null>();
    const pseudonymisers = new Map<string, ChildPseudonymiser>();

    const flush = async () => {
      if (pending.length === 0) return;
      const results = await this.store.appendMany(pending.map((p) => p.request));
      results.forEach((result, i) => {
        const { index, event } = pending[i];
        if (result.ok) {
          const [stored] = result.result.events;
          outcomes[index] = {
            status: stored.status === 'duplicate' ? 'duplicate' : 'accepted',
            id: event.id,
            source: event.source,
            position: stored.position,
          };
        } else if (result.error instanceof EventIdConflict) {
          outcomes[index] = conflict(event);
        } else {
          throw result.error;
        }
      });
      pending.length = 0;
    };

    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      const validated = validateCloudEvent(item.raw, { today, byteLength: item.byteLength });
      if (!validated.ok) {
        outcomes[index] = { status: 'rejected', kind: 'invalid', ...identityOf(item.raw), errors: validated.errors };
        continue;
      }
      const event = validated.event;
      const data = event.data as unknown as Record<string, unknown>;
      const scope = scopeOf(event.name, data);
      const eventId = eventIdFor(event.source, event.id);

      if (scope.kind === 'board') {
        const context: CommandContext = {
          correlationId: item.correlationId,
          causationId: item.correlationId,
          source: event.source,
          sourceEventId: event.id,
          eventId,
          transport: item.transport,
        };
        // Only a board's establishment (or its withdrawal) changes how later case events route,
        // so only then must the case events before it be stored first; other board facts are
        // independent of case facts and let the batch's case events stay in one group commit.
        const routing = changesRouting(event.name, data);
        if (routing) await flush();
        outcomes[index] = await this.handleBoardEvent(event, data, context);
        if (routing) boardOf.clear();
        continue;
      }

      let boardId = boardOf.get(scope.id);
      if (boardId === undefined) {
        boardId = await this.boards.boardForLocalAuthority(scope.id);
        boardOf.set(scope.id, boardId);
      }
      if (boardId === null) {
        outcomes[index] = {
          status: 'rejected',
          kind: 'unknown-board',
          id: event.id,
          source: event.source,
          errors: [{ path: 'data.localAuthority', problem: 'is not covered by any board (no BoardEstablished names it)' }],
        };
        continue;
      }
      let pseudonymiser = pseudonymisers.get(boardId);
      if (pseudonymiser === undefined) {
        pseudonymiser = new ChildPseudonymiser(this.keyRing.keyFor(boardId));
        pseudonymisers.set(boardId, pseudonymiser);
      }
      // The validated data is a fresh copy that nothing else holds: pseudonymised where it is.
      const pseudonymised = pseudonymiseChildIdsInPlace(event.name, data, scope.id, pseudonymiser);
      // Members in sorted order, which the store's canonical JSON then keeps without a copy.
      const { correlationId, transport } = item;
      const { source, id: sourceEventId, time: occurredAt } = event;
      const metadata: EventMetadata = occurredAt
        ? { boardId, causationId: correlationId, correlationId, occurredAt, source, sourceEventId, transport }
        : { boardId, causationId: correlationId, correlationId, source, sourceEventId, transport };
      pending.push({
        index,
        event,
        request: {
          stream: this.streamOf(event.name, scope.id, pseudonymised),
          expectedVersion: 'any',
          events: [{ eventId, type: event.name, data: pseudonymised, metadata }],
        },
      });
    }
    await flush();
    return outcomes;
  }

  private streamOf(name: EventName, localAuthority: string, data: Record<string, unknown>): string {
    if (name === 'RecordRetracted') {
      const { type, businessKey } = retractedFactOf(data);
      if (isCaseFactName(type)) return caseStream(localAuthority, type, businessKey);
      return `la-${localAuthority}-retraction-${type}-${businessKey}`;
    }
    if (!isCaseFactName(name)) throw new Error(`${name} is not a case fact`);
    return caseStream(localAuthority, name, businessKeyOf(name, data));
  }

  private async handleBoardEvent(
    event: ValidatedCloudEvent,
    data: Record<string, unknown>,
    context: CommandContext,
  ): Promise<IngestOutcome> {
    try {
      const handled = await this.boardEvents.dispatch(event.name, data, context);
      return {
        status: handled.status === 'duplicate' ? 'duplicate' : 'accepted',
        id: event.id,
        source: event.source,
        position: handled.position,
      };
    } catch (error) {
      if (error instanceof EventIdConflict) return conflict(event);
      if (error instanceof DomainRuleViolation) {
        return {
          status: 'rejected',
          kind: 'rule',
          id: event.id,
          source: event.source,
          rule: error.rule,
          errors: [{ path: 'data', problem: `${error.rule}: ${error.message}` }],
        };
      }
      if (error instanceof NotFound) {
        return {
          status: 'rejected',
          kind: 'rule',
          id: event.id,
          source: event.source,
          rule: 'not-found',
          errors: [{ path: 'data', problem: error.message }],
        };
      }
      throw error;
    }
  }
}

function changesRouting(name: EventName, data: Record<string, unknown>): boolean {
  return name === 'BoardEstablished' || (name === 'RecordRetracted' && data.retractedType === 'BoardEstablished');
}

function conflict(event: ValidatedCloudEvent): IngestOutcome {
  return {
    status: 'rejected',
    kind: 'conflict',
    id: event.id,
    source: event.source,
    errors: [{ path: 'id', problem: 'was already recorded from this source with different content' }],
  };
}

/** The CloudEvent id and source of a message, when they are usable strings (for the rejection). */
function identityOf(raw: unknown): { id: string | null; source: string | null } {
  const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    id: typeof record.id === 'string' && record.id.length <= 256 ? record.id : null,
    source: typeof record.source === 'string' && record.source.length <= 1024 ? record.source : null,
  };
}
