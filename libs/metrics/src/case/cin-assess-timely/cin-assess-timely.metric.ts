import type { BusinessDate, WorkingDayCalendar } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { BoardSettings, Fact } from '../../facts/fact';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { AssessmentCompletedData, ChildFacts } from '../child-facts';
import { DataQualityReason } from '../dq-sequence/dq-sequence.metric';

export const CIN_ASSESS_TIMELY = 'CIN-ASSESS-TIMELY';

/** Working days from the clock start: 42 in Wales (PM24), 45 in England (Working Together). */
export const ASSESSMENT_WORKING_DAYS: Readonly<Record<BoardSettings['assessmentTimescale'], number>> = {
  wales: 42,
  england: 45,
};

export const CinAssessTimelyReason = {
  afterDeadline: 'assessment-after-deadline',
  noClockStart: DataQualityReason.noClockStart,
  completedBeforeClockStart: DataQualityReason.assessmentCompletedBeforeClockStart,
} as const;

export const CIN_ASSESS_TIMELY_DEFINITION: MetricDefinition = {
  code: CIN_ASSESS_TIMELY,
  title: 'Assessments completed within the statutory timescale',
  factor: 'performance-management',
  unit: 'assessment',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Assessments completed in the period (by completedOn); in the numerator when completed within N working days ' +
    'of the clock start: on or before addWorkingDays(clock start, N) and not before it. N is 42 working days in ' +
    'Wales (the default) and 45 in England, by the board setting assessmentTimescale. The clock starts at the ' +
    'receivedOn of the referral the assessment names (on its completion, else on its start) when that referral is ' +
    "known for the child; otherwise at the assessment's AssessmentStarted startedOn. With neither: denominator " +
    'only, flagged. Completed before the clock start: denominator only, flagged.',
  numerator: 'assessments completed within N working days of the clock start',
  denominator: 'assessments completed in the period',
  settings: { assessmentTimescale: 'wales' },
  scope: 'case',
};

/**
 * One unit per completed assessment of this child, keyed `child:<childKey>/assessment:<assessmentId>`.
 * @throws DateOutsideWorkingDayCalendar when the clock starts outside the calendar's bank holiday years.
 */
export function cinAssessTimelyUnits(
  facts: ChildFacts,
  settings: BoardSettings,
  calendar: WorkingDayCalendar,
  out: CaseUnitCollector,
): void {
  const workingDays = ASSESSMENT_WORKING_DAYS[settings.assessmentTimescale] ?? ASSESSMENT_WORKING_DAYS.wales;
  for (const completion of facts.assessmentCompletions) {
    const completedOn = completion.data.completedOn;
    const unitKey = childUnitKey(facts.childKey, `assessment:${completion.key}`);
    const clock = clockStartOf(facts, completion);
    if (clock === undefined) {
      out.addFlagged(
        {
          metricCode: CIN_ASSESS_TIMELY,
          unitKey,
          unitDate: completedOn,
          counted: 'denominator-only',
          reason: CinAssessTimelyReason.noClockStart,
          positions: positionsOf(completion),
        },
        completion,
      );
      continue;
    }
    const positions = positionsOf(completion, clock.fact);
    if (completedOn < clock.on) {
      out.addFlagged(
        {
          metricCode: CIN_ASSESS_TIMELY,
          unitKey,
          unitDate: completedOn,
          counted: 'denominator-only',
          reason: CinAssessTimelyReason.completedBeforeClockStart,
          positions,
        },
        completion,
      );
      continue;
    }
    const onTime = calendar.isWithinWorkingDays(completedOn, clock.on, workingDays);
    out.add({
      metricCode: CIN_ASSESS_TIMELY,
      unitKey,
      unitDate: completedOn,
      counted: onTime ? 'numerator' : 'denominator-only',
      reason: onTime ? null : CinAssessTimelyReason.afterDeadline,
      positions,
    });
  }
}

function clockStartOf(facts: ChildFacts, completion: Fact<AssessmentCompletedData>): { on: BusinessDate; fact: Fact } | undefined {
  const start = facts.assessmentStartsById.get(completion.key);
  const referralId = completion.data.referralId ?? start?.data.referralId;
  const referral = typeof referralId === 'string' ? facts.referralsById.get(referralId) : undefined;
  if (referral !== undefined) return { on: referral.data.receivedOn, fact: referral };
  if (start !== undefined) return { on: start.data.startedOn, fact: start };
  return undefined;
}
