/**
 * The metric codes of `metrics.md` (the core metrics in table order, then the further metrics):
 * stable public identifiers, and part of the ingestion contract since `MetricTargetSet` and
 * `StrategicPriorityDefined` name them. The metrics catalogue orders itself by this list.
 */
export const METRIC_CODES = [
  'CP-ICPC-15WD',
  'CP-PLAN-2Y',
  'CP-REG-AVGDAYS',
  'CP-REREF-12M',
  'CP-REPEAT-PLAN',
  'CP-REREG-12M',
  'CIN-ASSESS-TIMELY',
  'OUT-MEASURED-IMPROVEMENT',
  'QA-AUDIT-DELIVERY',
  'QA-AUDIT-GOOD',
  'QA-ACTIONS-ON-TIME',
  'QA-ACTIONS-OVERDUE',
  'LEAD-ATTENDANCE',
  'ACC-STATUTORY-PUBLICATION',
  'FUND-CONTRIB-RECEIVED',
  'FUND-CONCENTRATION',
  'STRAT-PLAN-DELIVERY',
  'STRUCT-SUBGROUP-CADENCE',
  'ENG-PARTICIPATION',
  'DQ-SEQUENCE',
  'CP-ICPC-15WD-ENG',
  'CP-CORE-10WD',
  'CP-REV-TIMELY',
  'OUT-CP-SUSTAINED-EXIT',
  'OUT-CHILD-VOICE',
  'LEAD-QUORATE',
  'QA-REVIEW-TIMELY',
] as const;
export type MetricCode = (typeof METRIC_CODES)[number];

const KNOWN = new Set<string>(METRIC_CODES);

export function isKnownMetricCode(code: string): code is MetricCode {
  return KNOWN.has(code);
}
