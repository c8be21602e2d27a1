import { InMemoryEventStore, type EventStore } from '@app/event-store';
import { BOARDS_STREAM, partnersStream } from '../board-streams';
import { BOARD_ID, CARDIFF_VALE } from '../testing/governance-test-bed';
import { BoardDirectory } from './board-directory';
import { isPartnerOn } from './board-view';

class CountingStore extends InMemoryEventStore {
  readonly reads: { stream: string; fromVersion?: number }[] = [];

  override readStream(...args: Parameters<EventStore['readStream']>): ReturnType<EventStore['readStream']> {
    this.reads.push({ stream: args[0], fromVersion: args[1]?.fromVersion });
    return super.readStream(...args);
  }
}

describe('BoardDirectory', () => {
  let store: CountingStore;
  let directory: BoardDirectory;

  beforeEach(async () => {
    store = new CountingStore();
    directory = new BoardDirectory(store);
    await store.append(BOARDS_STREAM, [{ type: 'BoardEstablished', data: CARDIFF_VALE }]);
  });

  it('finds the board that covers a local authority, and none for an uncovered one', async () => {
    expect(await directory.boardForLocalAuthority('W06000014')).toBe(BOARD_ID);
    expect(await directory.boardForLocalAuthority('E09000001')).toBeNull();
  });

  it('reads only the events after the version it has already folded', async () => {
    await directory.boardForLocalAuthority('W06000015');
    await store.append(BOARDS_STREAM, [
      { type: 'BoardEstablished', data: { ...CARDIFF_VALE, boardId: 'gwent', localAuthorities: ['W06000021'] } },
    ]);
    expect(await directory.boardForLocalAuthority('W06000021')).toBe('gwent');
    expect(store.reads.filter((read) => read.stream === BOARDS_STREAM).map((read) => read.fromVersion)).toEqual([1, 2]);
  });

  it('follows corrections and retractions of boards', async () => {
    await store.append(BOARDS_STREAM, [{ type: 'BoardEstablished', data: { ...CARDIFF_VALE, localAuthorities: ['W06000015'] } }]);
    expect(await directory.boardForLocalAuthority('W06000014')).toBeNull();
    await store.append(BOARDS_STREAM, [
      { type: 'RecordRetracted', data: { boardId: BOARD_ID, retractedType: 'BoardEstablished', businessId: BOARD_ID, reason: 'test' } },
    ]);
    expect(await directory.boardForLocalAuthority('W06000015')).toBeNull();
    expect(await directory.getBoard(BOARD_ID)).toBeNull();
    expect(await directory.listBoards()).toEqual([]);
  });

  it('gives each partner its membership periods, founding partners from the establishment date', async () => {
    await store.append(partnersStream(BOARD_ID), [
      { type: 'PartnerLeft', data: { boardId: BOARD_ID, partnerId: 'cvuhb', on: '2024-03-31' } },
      {
        type: 'PartnerJoined',
        data: {
          boardId: BOARD_ID,
          partnerId: 'probation-wales',
          name: 'Probation Service Wales',
          kind: 'probation',
          statutory: true,
          on: '2024-04-01',
        },
      },
      { type: 'PartnerJoined', data: { boardId: BOARD_ID, partnerId: 'cvuhb', on: '2025-01-10' } },
    ]);
    const board = await directory.getBoard(BOARD_ID);
    expect(board?.partners.find((partner) => partner.partnerId === 'cvuhb')).toMatchObject({
      founding: true,
      statutory: true,
      memberships: [
        { from: '2016-04-06', to: '2024-03-31' },
        { from: '2025-01-10', to: null },
      ],
    });
    expect(board?.partners.find((partner) => partner.partnerId === 'probation-wales')).toEqual({
      partnerId: 'probation-wales',
      name: 'Probation Service Wales',
      kind: 'probation',
      statutory: true,
      founding: false,
      memberships: [{ from: '2024-04-01', to: null }],
    });
    expect(isPartnerOn(board!, 'cvuhb', '2024-03-31')).toBe(true);
    expect(isPartnerOn(board!, 'cvuhb', '2024-04-01')).toBe(false);
    expect(isPartnerOn(board!, 'cvuhb', '2025-01-10')).toBe(true);
  });

  it('does not apply an event twice when two calls catch up at once', async () => {
    await Promise.all([directory.getBoard(BOARD_ID), directory.getBoard(BOARD_ID), directory.listBoards()]);
    await store.append(partnersStream(BOARD_ID), [
      { type: 'PartnerLeft', data: { boardId: BOARD_ID, partnerId: 'cvuhb', on: '2024-03-31' } },
    ]);
    const [first, second] = await Promise.all([directory.getBoard(BOARD_ID), directory.getBoard(BOARD_ID)]);
    expect(first?.partners.find((partner) => partner.partnerId === 'cvuhb')?.memberships).toEqual([
      { from: '2016-04-06', to: '2024-03-31' },
    ]);
    expect(second).toEqual(first);
  });
});
