import { BOARD_EVENT_NAMES } from '@app/ingestion/catalogue/event-names';
import { BOARD_EVENT_COMMANDS, BoardEventDispatcher } from './board-event-dispatcher';
import { BOARDS_STREAM, boardFactStream } from './board-streams';
import { BOARD_ID, CARDIFF_VALE, GovernanceTestBed, commandContext } from './testing/governance-test-bed';

describe('BoardEventDispatcher', () => {
  let bed: GovernanceTestBed;
  let dispatcher: BoardEventDispatcher;

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    dispatcher = bed.module.get(BoardEventDispatcher);
  });

  afterEach(() => bed.stop());

  it('has a command for every board event of the catalogue', () => {
    expect([...BOARD_EVENT_COMMANDS.keys()].sort()).toEqual([...BOARD_EVENT_NAMES].sort());
  });

  it('records board CloudEvents through the same commands and rules as the API', async () => {
    const context = { ...commandContext('ev-1'), source: 'urn:board:cardiff-vale', sourceEventId: 'b-1' };
    await dispatcher.dispatch('BoardEstablished', { ...CARDIFF_VALE }, context);
    await dispatcher.dispatch(
      'AuditScheduled',
      { boardId: BOARD_ID, auditId: 'a1', title: 'Neglect', dueOn: '2025-09-30' },
      commandContext('ev-2'),
    );
    const [stored] = await bed.store.readStream(BOARDS_STREAM);
    expect(stored).toMatchObject({
      eventId: 'ev-1',
      type: 'BoardEstablished',
      metadata: { source: 'urn:board:cardiff-vale', sourceEventId: 'b-1' },
    });
    expect(await bed.facts(boardFactStream(BOARD_ID, 'audit', 'a1'))).toHaveLength(1);
    await expect(
      dispatcher.dispatch(
        'AuditCompleted',
        { boardId: BOARD_ID, auditId: 'a2', completedOn: '2025-06-01', caseResults: [{ caseRef: 'c', grade: 'good' }] },
        commandContext('ev-3'),
      ),
    ).rejects.toMatchObject({ what: 'Audit', id: 'a2' });
  });

  it('answers a redelivered board CloudEvent as a duplicate', async () => {
    const first = await dispatcher.dispatch('BoardEstablished', { ...CARDIFF_VALE }, commandContext('ev-1'));
    await expect(dispatcher.dispatch('BoardEstablished', { ...CARDIFF_VALE }, commandContext('ev-1'))).resolves.toEqual({
      ...first,
      status: 'duplicate',
    });
  });

  it('refuses an event name that is not a board event', async () => {
    await expect(dispatcher.dispatch('ReferralReceived', {}, commandContext())).rejects.toMatchObject({
      rule: 'not-a-board-event',
      values: { eventName: 'ReferralReceived' },
    });
    await expect(dispatcher.dispatch('constructor', {}, commandContext())).rejects.toMatchObject({ rule: 'not-a-board-event' });
  });
});
