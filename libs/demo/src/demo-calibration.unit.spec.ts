import { eventTypeOf } from '@app/ingestion/cloud-event/event-type';
import type { EventName } from '@app/ingestion';
import { measureDemoCalibration } from './demo-calibration';
import { generateDemo } from './generate-demo';
import type { CloudEvent } from './demo-scheduler';

const LA = 'W06000015';
let sent = 0;

function caseEvent(name: EventName, data: Record<string, unknown>): CloudEvent {
  sent += 1;
  return {
    specversion: '1.0',
    id: `t-${sent}`,
    source: `urn:case-system:wccis:${LA}`,
    type: eventTypeOf(name),
    time: '2025-06-01T10:00:00Z',
    datacontenttype: 'application/json',
    data: { localAuthority: LA, ...data },
  };
}

describe('measureDemoCalibration', () => {
  it('counts a referral as a re-referral when the child had another in the 12 months before, but not on the same day', () => {
    const { reReferrals } = measureDemoCalibration([
      caseEvent('ReferralReceived', { referralId: 'r1', childId: 'c1', receivedOn: '2024-05-10' }),
      caseEvent('ReferralReceived', { referralId: 'r2', childId: 'c1', receivedOn: '2025-05-10' }),
      caseEvent('ReferralReceived', { referralId: 'r3', childId: 'c1', receivedOn: '2026-05-11' }),
      caseEvent('ReferralReceived', { referralId: 'r4', childId: 'c2', receivedOn: '2025-01-01' }),
      caseEvent('ReferralReceived', { referralId: 'r5', childId: 'c2', receivedOn: '2025-01-01' }),
    ]);
    expect(reReferrals).toEqual({ numerator: 1, denominator: 5, rate: 0.2 });
  });

  it('leaves out a retracted referral and counts the corrected date of a referral', () => {
    const { reReferrals } = measureDemoCalibration([
      caseEvent('ReferralReceived', { referralId: 'r1', childId: 'c1', receivedOn: '2025-01-10' }),
      caseEvent('ReferralReceived', { referralId: 'r2', childId: 'c1', receivedOn: '2025-02-10' }),
      caseEvent('ReferralReceived', { referralId: 'r3', childId: 'c2', receivedOn: '2025-02-10' }),
      caseEvent('ReferralReceived', { referralId: 'r4', childId: 'c2', receivedOn: '2025-03-10' }),
      caseEvent('RecordRetracted', { retractedType: 'ReferralReceived', businessId: 'r1', reason: 'Duplicate' }),
      caseEvent('ReferralReceived', { referralId: 'r3', childId: 'c2', receivedOn: '2023-02-10' }),
    ]);
    expect(reReferrals).toEqual({ numerator: 0, denominator: 3, rate: 0 });
  });

  it('counts conferences per child: the 15th working day is on time, the 16th is not, transfer-ins are left out', () => {
    // 2025-04-14 + 15 working days, skipping Good Friday, Easter Monday and the early May bank holiday, is 2025-05-08.
    const { conferencesWithin15WorkingDays } = measureDemoCalibration([
      caseEvent('StrategyDiscussionHeld', {
        strategyDiscussionId: 'sd1',
        childIds: ['c1', 'c2'],
        heldOn: '2025-04-14',
        decision: 'child-protection-enquiry',
      }),
      caseEvent('StrategyDiscussionHeld', {
        strategyDiscussionId: 'sd2',
        childIds: ['c3'],
        heldOn: '2025-04-14',
        decision: 'child-protection-enquiry',
      }),
      caseEvent('InitialChildProtectionConferenceHeld', {
        conferenceId: 'i1',
        childIds: ['c1', 'c2'],
        heldOn: '2025-05-08',
        strategyDiscussionId: 'sd1',
        outcomes: [],
      }),
      caseEvent('InitialChildProtectionConferenceHeld', { conferenceId: 'i2', childIds: ['c3'], heldOn: '2025-05-09', outcomes: [] }),
      caseEvent('InitialChildProtectionConferenceHeld', {
        conferenceId: 'i3',
        childIds: ['c4'],
        heldOn: '2025-05-08',
        transferIn: true,
        outcomes: [],
      }),
    ]);
    expect(conferencesWithin15WorkingDays).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
  });

  it('keeps a conference before its strategy discussion in the denominator only', () => {
    const { conferencesWithin15WorkingDays } = measureDemoCalibration([
      caseEvent('StrategyDiscussionHeld', {
        strategyDiscussionId: 'sd1',
        childIds: ['c1'],
        heldOn: '2025-06-10',
        decision: 'child-protection-enquiry',
      }),
      caseEvent('InitialChildProtectionConferenceHeld', {
        conferenceId: 'i1',
        childIds: ['c1'],
        heldOn: '2025-06-09',
        strategyDiscussionId: 'sd1',
        outcomes: [],
      }),
    ]);
    expect(conferencesWithin15WorkingDays).toEqual({ numerator: 0, denominator: 1, rate: 0 });
  });

  it('counts a plan ended on the day two years after its start as lasting two years, and leaves out an end with no start', () => {
    const { plansLastingTwoYears } = measureDemoCalibration([
      caseEvent('ChildProtectionPlanStarted', { planId: 'p1', childId: 'c1', startedOn: '2023-02-28', category: 'neglect' }),
      caseEvent('ChildProtectionPlanEnded', { planId: 'p1', childId: 'c1', endedOn: '2025-02-28', reason: 'other' }),
      caseEvent('ChildProtectionPlanStarted', { planId: 'p2', childId: 'c2', startedOn: '2023-03-01', category: 'neglect' }),
      caseEvent('ChildProtectionPlanEnded', { planId: 'p2', childId: 'c2', endedOn: '2025-02-28', reason: 'other' }),
      caseEvent('ChildProtectionPlanEnded', { planId: 'p3', childId: 'c3', endedOn: '2025-02-28', reason: 'other' }),
    ]);
    expect(plansLastingTwoYears).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
  });
});

describe('the demo for seed 1, six boards over two years', () => {
  let calibration: ReturnType<typeof measureDemoCalibration>;

  beforeAll(() => {
    calibration = measureDemoCalibration(generateDemo({ boards: 6, years: 2, seed: 1 }));
  });

  it('re-refers about 22% of referrals within 12 months', () => {
    expect(calibration.reReferrals.denominator).toBeGreaterThan(20_000);
    expect(calibration.reReferrals.rate).toBeGreaterThan(0.19);
    expect(calibration.reReferrals.rate).toBeLessThan(0.25);
  });

  it('holds about 81% of initial conferences, per child, within 15 working days of the strategy discussion', () => {
    expect(calibration.conferencesWithin15WorkingDays.denominator).toBeGreaterThan(2_000);
    expect(calibration.conferencesWithin15WorkingDays.rate).toBeGreaterThan(0.77);
    expect(calibration.conferencesWithin15WorkingDays.rate).toBeLessThan(0.85);
  });

  it('ends about 4% of plans after two years or more', () => {
    expect(calibration.plansLastingTwoYears.denominator).toBeGreaterThan(2_000);
    expect(calibration.plansLastingTwoYears.rate).toBeGreaterThan(0.03);
    expect(calibration.plansLastingTwoYears.rate).toBeLessThan(0.055);
  });
});
