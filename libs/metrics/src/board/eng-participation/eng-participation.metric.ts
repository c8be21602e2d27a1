import { contains, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';

export const ENG_PARTICIPATION: MetricDefinition = {
  code: 'ENG-PARTICIPATION',
  title: 'Participants in engagement activities',
  factor: 'strategic-direction',
  unit: 'participant',
  direction: 'higher-is-better',
  aggregation: 'count',
  definition:
    'The number of participants (`EngagementActivityHeld.participants`) in engagement activities held in the period, broken down by whom the activity was with (`children`, `young-people`, `parents`, `carers`, `communities`).',
  numerator: 'participants in engagement activities held in the period',
  denominator: null,
  settings: {},
  scope: 'board',
};

/** One unit per activity held in the period, its participants as `value`, broken down by `with`. */
export function engParticipationUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const units: MetricUnit[] = [];
  for (const activity of ledger.engagements) {
    if (!contains(period, activity.on)) continue;
    units.push(
      boardUnit({
        metricCode: ENG_PARTICIPATION.code,
        unitKey: `activity:${activity.activityId}`,
        unitDate: activity.on,
        miss: null,
        facts: [activity.fact],
        value: activity.participants,
        breakdown: activity.with,
      }),
    );
  }
  return inUnitOrder(units);
}
