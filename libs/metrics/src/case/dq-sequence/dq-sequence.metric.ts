import type { MetricDefinition } from '../../catalogue/metric-definition';

export const DQ_SEQUENCE = 'DQ-SEQUENCE';

/** The data-quality reasons the case metrics flag, each an impossible sequence of well-formed facts. */
export const DataQualityReason = {
  noAnchorStrategyDiscussion: 'no-anchor-strategy-discussion',
  conferenceBeforeStrategyDiscussion: 'conference-before-strategy-discussion',
  planEndWithoutStart: 'plan-end-without-start',
  planEndedBeforeStart: 'plan-ended-before-start',
  noClockStart: 'no-clock-start',
  assessmentCompletedBeforeClockStart: 'assessment-completed-before-clock-start',
} as const;

export type DataQualityReason = (typeof DataQualityReason)[keyof typeof DataQualityReason];

export const DQ_SEQUENCE_DEFINITION: MetricDefinition = {
  code: DQ_SEQUENCE,
  title: 'Facts flagged for data quality',
  factor: 'quality-assurance',
  unit: 'fact',
  direction: 'lower-is-better',
  aggregation: 'count',
  definition:
    'Facts in the period flagged with a data-quality reason, broken down by reason and source. A fact that is ' +
    'well-formed but impossible in sequence is accepted, kept in the denominator where its metric puts it, never in ' +
    'the numerator, and flagged. Case facts are flagged by the case metrics: a conference with no anchor strategy ' +
    'discussion (no-anchor-strategy-discussion) or held before it (conference-before-strategy-discussion), a plan ' +
    'end with no known start (plan-end-without-start) or before its start (plan-ended-before-start), an assessment ' +
    'completed with no clock start (no-clock-start) or before it (assessment-completed-before-clock-start); a ' +
    'conference names several children and each child is flagged on its own. Board facts are flagged by the board ' +
    'metrics (an action completed before it was assigned, for one). Two metrics flagging the same fact for the same ' +
    "reason count it once. A flag is placed in a period by the flagged fact's business date.",
  numerator: 'flagged facts in the period',
  denominator: null,
  settings: {},
  scope: 'case',
};
