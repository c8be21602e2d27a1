import { InMemoryEventStore } from '@app/event-store';
import type { CommandContext, HandledCommand } from '@app/ddd';
import { BoardKeyRing } from '../pseudonymisation/board-key-ring';
import { pseudonymOf } from '../pseudonymisation/pseudonymise-child-ids';
import { IngestEvents, type IngestItem } from './ingest-events.service';
import type { BoardEventHandler, BoardLookup } from './ingestion.ports';

const SECRET = `hex:${'ab'.repeat(32)}`;
const NOW = new Date('2025-07-01T09:00:00Z');

/** Boards as governance would answer, fed by the BoardEstablished events it handles. */
class Boards implements BoardLookup, BoardEventHandler {
  readonly covered = new Map<string, string>();
  readonly handled: string[] = [];

  async boardForLocalAuthority(localAuthority: string) {
    return this.covered.get(localAuthority) ?? null;
  }

  async dispatch(eventName: string, data: Record<string, unknown>, context: CommandContext): Promise<HandledCommand> {
    this.handled.push(`${eventName}:${context.sourceEventId}`);
    if (eventName === 'BoardEstablished') for (const la of data.localAuthorities as string[]) this.covered.set(la, String(data.boardId));
    return { status: 'appended', position: null, version: 1 };
  }
}

const referral = (id: string, childId: string, receivedOn = '2025-06-02', localAuthority = 'W06000015') => ({
  specversion: '1.0',
  id,
  source: 'urn:case-system:wccis:W06000015',
  type: 'safeguarding.ReferralReceived.v1',
  data: { localAuthority, referralId: `ref-${id}`, childId, receivedOn },
});

const item = (raw: unknown): IngestItem => ({ raw, transport: { kind: 'http', requestId: 'req-1' }, correlationId: 'req-1' });

describe('IngestEvents', () => {
  let store: InMemoryEventStore;
  let boards: Boards;
  let ingestion: IngestEvents;

  beforeEach(() => {
    store = new InMemoryEventStore();
    boards = new Boards();
    boards.covered.set('W06000015', 'cardiff-vale');
    ingestion = new IngestEvents(store, boards, boards, BoardKeyRing.fromConfig({ masterSecret: SECRET }));
  });

  it('stores a case event once, pseudonymised, with its lineage, and answers a redelivery as a duplicate', async () => {
    const [first] = await ingestion.ingest([item(referral('e-1', 'LA-77120'))], NOW);
    const [again] = await ingestion.ingest([item(referral('e-1', 'LA-77120'))], NOW);
    expect(first).toMatchObject({ status: 'accepted', id: 'e-1', position: 1 });
    expect(again).toMatchObject({ status: 'duplicate', position: 1 });

    const [stored] = await store.readAll();
    const key = BoardKeyRing.fromConfig({ masterSecret: SECRET }).keyFor('cardiff-vale');
    expect(stored.stream).toBe('la-W06000015-referral-ref-e-1');
    expect(stored.data.childId).toBe(pseudonymOf('LA-77120', 'W06000015', key));
    expect(JSON.stringify(stored)).not.toContain('LA-77120');
    expect(stored.metadata).toMatchObject({
      source: 'urn:case-system:wccis:W06000015',
      sourceEventId: 'e-1',
      boardId: 'cardiff-vale',
      transport: { kind: 'http', requestId: 'req-1' },
    });
  });

  it('rejects a re-used (source, id) with other content as a conflict, storing nothing', async () => {
    await ingestion.ingest([item(referral('e-1', 'LA-1'))], NOW);
    const [outcome] = await ingestion.ingest([item(referral('e-1', 'LA-2'))], NOW);
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'conflict', id: 'e-1' });
    expect(await store.headPosition()).toBe(1);
  });

  it('rejects an event whose local authority no board covers', async () => {
    const [outcome] = await ingestion.ingest([item(referral('e-1', 'LA-1', '2025-06-02', 'W06000099'))], NOW);
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'unknown-board', errors: [{ path: 'data.localAuthority' }] });
    expect(await store.headPosition()).toBe(0);
  });

  it('names every failing field of an invalid event and never echoes the child identifier', async () => {
    const bad = referral('e-1', 'LA-SECRET-9', '2025-02-30');
    (bad as Record<string, unknown>).specversion = '0.3';
    const [outcome] = await ingestion.ingest([item(bad)], NOW);
    expect(outcome).toMatchObject({ status: 'rejected', kind: 'invalid' });
    const paths = outcome.status === 'rejected' ? outcome.errors.map((e) => e.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['specversion', 'data.receivedOn']));
    expect(JSON.stringify(outcome)).not.toContain('LA-SECRET-9');
  });

  it('takes a batch in order, so case events may rely on a board established earlier in it', async () => {
    const established = {
      specversion: '1.0',
      id: 'b-1',
      source: 'urn:board:new',
      type: 'safeguarding.BoardEstablished.v1',
      data: { boardId: 'new-board', name: 'New', establishedOn: '2025-01-01', localAuthorities: ['W06000099'], partners: [] },
    };
    const outcomes = await ingestion.ingest(
      [
        item(referral('e-0', 'LA-0')),
        item(established),
        item(referral('e-1', 'LA-1', '2025-06-02', 'W06000099')),
        item(referral('e-2', 'LA-2')),
      ],
      NOW,
    );
    expect(outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect((await store.readAll()).map((e) => e.metadata.sourceEventId)).toEqual(['e-0', 'e-1', 'e-2']);
    expect(boards.handled).toEqual(['BoardEstablished:b-1']);
  });
});
