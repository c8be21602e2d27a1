import type { BoardSettings } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { DQ_SEQUENCE } from '../dq-sequence/dq-sequence.metric';
import { CaseFactsFixture, SOURCE, unitsOf } from '../testing/case-facts.fixture';
import { CIN_ASSESS_TIMELY } from './cin-assess-timely.metric';

const WALES: BoardSettings = { assessmentTimescale: 'wales' };
const ENGLAND: BoardSettings = { assessmentTimescale: 'england' };

function assessmentUnits(settings: BoardSettings, given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  const units = computeChildUnits(given.child(...facts), settings);
  return { assessment: unitsOf(units, CIN_ASSESS_TIMELY), flags: unitsOf(units, DQ_SEQUENCE) };
}

// From Tue 2025-04-01, skipping Good Friday 18 April, Easter Monday 21 April and the bank holidays of 5 and 26 May:
// 2-4 Apr (3), 7-11 (8), 14-17 (12), 22-25 (16), 28 Apr-2 May (21), 6-9 May (25), 12-16 (30), 19-23 (35),
// 27-30 (39), 2-4 Jun (42): the 42nd working day is Wed 2025-06-04; then 5, 6 and 9 June make the 45th Mon 2025-06-09.
describe('CIN-ASSESS-TIMELY: assessments completed within the statutory timescale', () => {
  it('counts in Wales an assessment completed on the 42nd working day after the referral (2025-04-01 to 2025-06-04)', () => {
    const given = new CaseFactsFixture();
    const referral = given.referral('ref-1', '2025-04-01');
    const completion = given.assessmentCompleted('as-1', '2025-06-04', 'ref-1');

    expect(assessmentUnits(WALES, given, referral, completion).assessment).toEqual([
      {
        metricCode: CIN_ASSESS_TIMELY,
        unitKey: 'child:child-a/assessment:as-1',
        unitDate: '2025-06-04',
        counted: 'numerator',
        reason: null,
        positions: [referral.position, completion.position],
      },
    ]);
  });

  it('leaves in Wales an assessment completed on the 43rd working day (2025-06-05) in the denominator only, not flagged', () => {
    const given = new CaseFactsFixture();

    const { assessment, flags } = assessmentUnits(
      WALES,
      given,
      given.referral('ref-1', '2025-04-01'),
      given.assessmentCompleted('as-1', '2025-06-05', 'ref-1'),
    );

    expect(assessment).toEqual([expect.objectContaining({ counted: 'denominator-only', reason: 'assessment-after-deadline' })]);
    expect(assessment[0].dataQuality).toBeUndefined();
    expect(flags).toEqual([]);
  });

  it('gives England 45 working days: 2025-06-09 is on time and 2025-06-10 late', () => {
    const given = new CaseFactsFixture();
    const referral = given.referral('ref-1', '2025-04-01');

    const { assessment } = assessmentUnits(
      ENGLAND,
      given,
      referral,
      given.assessmentCompleted('as-1', '2025-06-09', 'ref-1'),
      given.assessmentCompleted('as-2', '2025-06-10', 'ref-1'),
    );

    expect(assessment.map((u) => [u.unitKey, u.counted])).toEqual([
      ['child:child-a/assessment:as-1', 'numerator'],
      ['child:child-a/assessment:as-2', 'denominator-only'],
    ]);
  });

  it('starts the clock at the referral even when the assessment started later: from a 2025-04-22 start 2025-06-05 would be on time', () => {
    const given = new CaseFactsFixture();

    const { assessment } = assessmentUnits(
      WALES,
      given,
      given.referral('ref-1', '2025-04-01'),
      given.assessmentStarted('as-1', '2025-04-22', 'ref-1'),
      given.assessmentCompleted('as-1', '2025-06-05', 'ref-1'),
    );

    expect(assessment).toEqual([expect.objectContaining({ counted: 'denominator-only', reason: 'assessment-after-deadline' })]);
  });

  it('takes the referral named only on the AssessmentStarted when the completion names none', () => {
    const given = new CaseFactsFixture();
    const referral = given.referral('ref-1', '2025-04-01');
    const start = given.assessmentStarted('as-1', '2025-04-22', 'ref-1');
    const completion = given.assessmentCompleted('as-1', '2025-06-05');

    expect(assessmentUnits(WALES, given, referral, start, completion).assessment).toEqual([
      expect.objectContaining({ counted: 'denominator-only', positions: [referral.position, completion.position] }),
    ]);
  });

  it("starts the clock at AssessmentStarted when the named referral is not among the child's facts", () => {
    const given = new CaseFactsFixture();
    const start = given.assessmentStarted('as-1', '2025-04-01', 'ref-elsewhere');
    const completion = given.assessmentCompleted('as-1', '2025-06-04', 'ref-elsewhere');

    expect(assessmentUnits(WALES, given, start, completion).assessment).toEqual([
      expect.objectContaining({ counted: 'numerator', positions: [start.position, completion.position] }),
    ]);
  });

  it('keeps an assessment with neither a known referral nor a start in the denominator only and flags it', () => {
    const given = new CaseFactsFixture();
    const completion = given.assessmentCompleted('as-1', '2025-06-04', 'ref-elsewhere');

    const { assessment, flags } = assessmentUnits(WALES, given, completion);

    expect(assessment).toEqual([
      {
        metricCode: CIN_ASSESS_TIMELY,
        unitKey: 'child:child-a/assessment:as-1',
        unitDate: '2025-06-04',
        counted: 'denominator-only',
        reason: 'no-clock-start',
        dataQuality: true,
        positions: [completion.position],
      },
    ]);
    expect(flags).toEqual([
      expect.objectContaining({
        unitKey: 'child:child-a/fact:AssessmentCompleted/as-1/no-clock-start',
        unitDate: '2025-06-04',
        breakdown: `no-clock-start|${SOURCE}`,
      }),
    ]);
  });

  it('keeps an assessment completed before its referral was received in the denominator only and flags it', () => {
    const given = new CaseFactsFixture();
    const referral = given.referral('ref-1', '2025-04-01');
    const completion = given.assessmentCompleted('as-1', '2025-03-31', 'ref-1');

    const { assessment, flags } = assessmentUnits(WALES, given, referral, completion);

    expect(assessment).toEqual([
      expect.objectContaining({
        counted: 'denominator-only',
        reason: 'assessment-completed-before-clock-start',
        dataQuality: true,
        positions: [referral.position, completion.position],
      }),
    ]);
    expect(flags.map((u) => u.unitKey)).toEqual(['child:child-a/fact:AssessmentCompleted/as-1/assessment-completed-before-clock-start']);
  });

  it('makes no unit for an assessment started and not completed', () => {
    const given = new CaseFactsFixture();

    expect(assessmentUnits(WALES, given, given.assessmentStarted('as-1', '2025-04-01')).assessment).toEqual([]);
  });
});
