import { DomainRuleViolation } from '@app/ddd';
import { BOARDS_STREAM } from '../../board-streams';
import { CARDIFF_VALE, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import { EstablishBoardCommand } from './establish-board.command';

describe('EstablishBoardCommand', () => {
  let bed: GovernanceTestBed;

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
  });

  afterEach(() => bed.stop());

  const establish = (data = CARDIFF_VALE, eventId?: string) =>
    bed.commands.execute(new EstablishBoardCommand(data, commandContext(eventId)));

  it('establishes a board in the one boards stream', async () => {
    const handled = await establish();
    expect(handled).toMatchObject({ status: 'appended', position: 1 });
    expect(await bed.facts(BOARDS_STREAM)).toEqual([{ type: 'BoardEstablished', data: CARDIFF_VALE }]);
  });

  it('takes a later establishment of the same board as a correction', async () => {
    await bed.givenBoard();
    const renamed = { ...CARDIFF_VALE, name: 'Cardiff and Vale Safeguarding Board', localAuthorities: ['W06000015'] };
    await establish(renamed);
    expect((await bed.facts(BOARDS_STREAM)).map((fact) => fact.data.name)).toEqual([CARDIFF_VALE.name, renamed.name]);
  });

  it('refuses a local authority that already belongs to another board', async () => {
    await bed.givenBoard();
    const other = { ...CARDIFF_VALE, boardId: 'vale-only', localAuthorities: ['W06000014'] };
    await expect(establish(other)).rejects.toMatchObject({
      rule: 'local-authority-belongs-to-another-board',
      values: { localAuthority: 'W06000014', boardId: 'vale-only', otherBoardId: 'cardiff-vale' },
      kind: 'conflict',
    });
    expect(await bed.head()).toBe(1);
  });

  it('frees the local authorities a correction no longer lists', async () => {
    await bed.givenBoard();
    await establish({ ...CARDIFF_VALE, localAuthorities: ['W06000015'] });
    await establish({ ...CARDIFF_VALE, boardId: 'vale-of-glamorgan', localAuthorities: ['W06000014'] });
    expect((await bed.facts(BOARDS_STREAM)).map((fact) => fact.data.boardId)).toEqual([
      'cardiff-vale',
      'cardiff-vale',
      'vale-of-glamorgan',
    ]);
  });

  it('refuses an establishment date in the future', async () => {
    await expect(establish({ ...CARDIFF_VALE, establishedOn: '2025-07-02' })).rejects.toMatchObject({
      rule: 'date-in-future',
      values: { field: 'establishedOn', date: '2025-07-02', today: '2025-07-01' },
      kind: 'unprocessable',
    });
  });

  it('refuses a board id that cannot name a stream and a path', async () => {
    await expect(establish({ ...CARDIFF_VALE, boardId: 'Cardiff Vale' })).rejects.toMatchObject({ rule: 'board-id-format' });
  });

  it('refuses a board without local authorities, or one listing a partner twice', async () => {
    await expect(establish({ ...CARDIFF_VALE, localAuthorities: [] })).rejects.toMatchObject({ rule: 'board-without-local-authority' });
    const twice = { ...CARDIFF_VALE, partners: [CARDIFF_VALE.partners[0], CARDIFF_VALE.partners[0]] };
    await expect(establish(twice)).rejects.toMatchObject({ rule: 'partner-listed-twice', values: { repeated: 'cardiff-council' } });
    await expect(establish({ ...CARDIFF_VALE, localAuthorities: ['W06000015', 'W06000015'] })).rejects.toBeInstanceOf(DomainRuleViolation);
    expect(await bed.head()).toBe(0);
  });

  it('answers a redelivered establishment as a duplicate', async () => {
    const first = await establish(CARDIFF_VALE, 'ce-1');
    const again = await establish(CARDIFF_VALE, 'ce-1');
    expect(again).toEqual({ status: 'duplicate', position: first.position, version: 1 });
    expect(await bed.head()).toBe(1);
  });
});
