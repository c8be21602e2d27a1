import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { MetricTargetSetData } from '../targets.events';
import { SetMetricTargetCommand } from './set-metric-target.command';

describe('SetMetricTargetCommand', () => {
  let bed: GovernanceTestBed;
  const target: MetricTargetSetData = {
    boardId: BOARD_ID,
    metricCode: 'CP-ICPC-15WD',
    financialYear: '2025-26',
    target: 0.9,
    amberWithin: 0.05,
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const set = (data: MetricTargetSetData) => bed.commands.execute(new SetMetricTargetCommand(data, commandContext()));

  it('sets a target in the stream of its metric and year, and a later one replaces it', async () => {
    await set(target);
    await set({ ...target, target: 0.85 });
    expect((await bed.facts(boardFactStream(BOARD_ID, 'target', 'CP-ICPC-15WD-2025-26'))).map((fact) => fact.data.target)).toEqual([
      0.9, 0.85,
    ]);
  });

  it('accepts the further metrics of the catalogue too', async () => {
    await expect(set({ ...target, metricCode: 'QA-REVIEW-TIMELY' })).resolves.toMatchObject({ status: 'appended' });
  });

  it('refuses a metric code that is not in the catalogue', async () => {
    await expect(set({ ...target, metricCode: 'CP-UNKNOWN' })).rejects.toMatchObject({
      rule: 'unknown-metric-code',
      values: { metricCodes: ['CP-UNKNOWN'] },
      kind: 'unprocessable',
    });
    expect(await bed.head()).toBe(1);
  });

  it('refuses a malformed financial year, a negative amber band and an unknown board', async () => {
    await expect(set({ ...target, financialYear: '2025-2026' })).rejects.toMatchObject({ rule: 'financial-year-format' });
    await expect(set({ ...target, amberWithin: -0.1 })).rejects.toMatchObject({ rule: 'amber-within-negative' });
    await expect(set({ ...target, boardId: 'nowhere' })).rejects.toBeInstanceOf(NotFound);
  });
});
