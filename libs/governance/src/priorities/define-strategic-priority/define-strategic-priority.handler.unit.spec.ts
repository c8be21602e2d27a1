import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { StrategicPriorityDefinedData } from '../priorities.events';
import { DefineStrategicPriorityCommand } from './define-strategic-priority.command';

describe('DefineStrategicPriorityCommand', () => {
  let bed: GovernanceTestBed;
  const priority: StrategicPriorityDefinedData = {
    boardId: BOARD_ID,
    priorityId: 'p-neglect',
    title: 'Earlier help for children living with neglect',
    financialYear: '2025-26',
    metricCodes: ['CP-REREG-12M', 'CP-REPEAT-PLAN'],
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const define = (data: StrategicPriorityDefinedData) => bed.commands.execute(new DefineStrategicPriorityCommand(data, commandContext()));

  it('records a priority in its own stream, and a later definition as a correction', async () => {
    await define(priority);
    await define({ ...priority, title: 'Neglect: earlier help' });
    expect((await bed.facts(boardFactStream(BOARD_ID, 'priority', 'p-neglect'))).map((fact) => fact.data.title)).toEqual([
      priority.title,
      'Neglect: earlier help',
    ]);
  });

  it('refuses metric codes that are not in the catalogue', async () => {
    await expect(define({ ...priority, metricCodes: ['CP-REREG-12M', 'CP-MADE-UP'] })).rejects.toMatchObject({
      rule: 'unknown-metric-code',
      values: { metricCodes: ['CP-MADE-UP'] },
      kind: 'unprocessable',
    });
    expect(await bed.head()).toBe(1);
  });

  it('refuses a malformed financial year and an unknown board', async () => {
    await expect(define({ ...priority, financialYear: '2025' })).rejects.toMatchObject({ rule: 'financial-year-format' });
    await expect(define({ ...priority, boardId: 'nowhere' })).rejects.toBeInstanceOf(NotFound);
  });
});
