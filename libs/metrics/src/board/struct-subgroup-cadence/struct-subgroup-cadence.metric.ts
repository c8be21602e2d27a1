import { contains, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';
import { firstFlag } from '../sequence-flags';

export const STRUCT_SUBGROUP_CADENCE: MetricDefinition = {
  code: 'STRUCT-SUBGROUP-CADENCE',
  title: 'Scheduled subgroup meetings held',
  factor: 'structures',
  unit: 'meeting',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Of the subgroup meetings scheduled in the period (`SubgroupMeetingScheduled.on`), the share that were held (a `SubgroupMeetingHeld` with the same `meetingId`).',
  numerator: 'scheduled meetings that were held',
  denominator: 'subgroup meetings scheduled in the period',
  settings: {},
  scope: 'board',
};

/** One unit per meeting scheduled in the period, placed on its scheduled day, broken down by subgroup. */
export function structSubgroupCadenceUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const units: MetricUnit[] = [];
  for (const scheduled of ledger.subgroupMeetingsScheduled) {
    if (!contains(period, scheduled.on)) continue;
    const held = ledger.subgroupMeetingsHeld.get(scheduled.meetingId);
    units.push(
      boardUnit({
        metricCode: STRUCT_SUBGROUP_CADENCE.code,
        unitKey: `meeting:${scheduled.meetingId}`,
        unitDate: scheduled.on,
        miss: held ? null : 'meeting-not-held',
        flag: firstFlag(ledger.flags, scheduled.fact),
        facts: [scheduled.fact, held?.fact],
        breakdown: scheduled.subgroupId,
      }),
    );
  }
  return inUnitOrder(units);
}
