import { addMonths } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { Fact } from '../../facts/fact';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { ChildFacts, ChildProtectionPlanEndedData } from '../child-facts';

export const CP_REREG_12M = 'CP-REREG-12M';

const MONTHS = 12;

export const CpRereg12mReason = {
  noPlanEndInPrevious12Months: 'no-plan-end-in-previous-12-months',
} as const;

export const CP_REREG_12M_DEFINITION: MetricDefinition = {
  code: CP_REREG_12M,
  title: 'Re-registrations within 12 months of a plan ending',
  factor: 'performance-management',
  unit: 'plan',
  direction: 'lower-is-better',
  aggregation: 'rate',
  definition:
    'Plans started in the period (by startedOn); in the numerator when the child had a plan end on p with ' +
    'p <= startedOn <= addMonths(p, 12). The end of the plan itself does not count; an end on the start day does.',
  numerator: 'plans whose child had a plan end on p with p <= startedOn <= addMonths(p, 12)',
  denominator: 'plans started in the period',
  settings: {},
  scope: 'case',
};

/**
 * One unit per plan start of this child, keyed `child:<childKey>/plan:<planId>`. The latest
 * other plan's end on or before the start decides: `addMonths` never decreases, so no earlier
 * end reaches further.
 */
export function cpRereg12mUnits(facts: ChildFacts, out: CaseUnitCollector): void {
  const ends = facts.planEnds;
  for (const start of facts.planStarts) {
    const startedOn = start.data.startedOn;
    let previousEnd: Fact<ChildProtectionPlanEndedData> | undefined;
    for (let i = ends.length - 1; i >= 0; i--) {
      if (ends[i].data.endedOn <= startedOn && ends[i].key !== start.key) {
        previousEnd = ends[i];
        break;
      }
    }
    const reRegistration = previousEnd !== undefined && startedOn <= addMonths(previousEnd.data.endedOn, MONTHS);
    out.add({
      metricCode: CP_REREG_12M,
      unitKey: childUnitKey(facts.childKey, `plan:${start.key}`),
      unitDate: startedOn,
      counted: reRegistration ? 'numerator' : 'denominator-only',
      reason: reRegistration ? null : CpRereg12mReason.noPlanEndInPrevious12Months,
      positions: reRegistration ? positionsOf(previousEnd, start) : positionsOf(start),
    });
  }
}
