import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { CaseFactsFixture, unitsOf } from '../testing/case-facts.fixture';
import { CP_REREF_12M } from './cp-reref-12m.metric';

function referralUnits(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  return unitsOf(computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS), CP_REREF_12M);
}

describe('CP-REREF-12M: re-referrals within 12 months', () => {
  it('counts a referral exactly 12 months after the previous one (2024-06-10 then 2025-06-10) and not the first', () => {
    const given = new CaseFactsFixture();
    const first = given.referral('ref-1', '2024-06-10');
    const second = given.referral('ref-2', '2025-06-10');

    expect(referralUnits(given, first, second)).toEqual([
      {
        metricCode: CP_REREF_12M,
        unitKey: 'child:child-a/referral:ref-1',
        unitDate: '2024-06-10',
        counted: 'denominator-only',
        reason: 'no-referral-in-previous-12-months',
        positions: [first.position],
      },
      {
        metricCode: CP_REREF_12M,
        unitKey: 'child:child-a/referral:ref-2',
        unitDate: '2025-06-10',
        counted: 'numerator',
        reason: null,
        positions: [first.position, second.position],
      },
    ]);
  });

  it('does not count a referral 12 months and a day after the previous one (2024-06-10 then 2025-06-11)', () => {
    const given = new CaseFactsFixture();

    const units = referralUnits(given, given.referral('ref-1', '2024-06-10'), given.referral('ref-2', '2025-06-11'));

    expect(units.map((u) => u.counted)).toEqual(['denominator-only', 'denominator-only']);
  });

  it('does not count two referrals received the same day as re-referrals of each other (p < receivedOn is strict)', () => {
    const given = new CaseFactsFixture();

    const units = referralUnits(given, given.referral('ref-1', '2025-06-10'), given.referral('ref-2', '2025-06-10'));

    expect(units.map((u) => [u.unitKey, u.counted])).toEqual([
      ['child:child-a/referral:ref-1', 'denominator-only'],
      ['child:child-a/referral:ref-2', 'denominator-only'],
    ]);
  });

  it('looks past same-day referrals to an earlier day: 2025-01-15, then two on 2025-06-10, both re-referrals of January', () => {
    const given = new CaseFactsFixture();
    const january = given.referral('ref-0', '2025-01-15');
    const units = referralUnits(given, january, given.referral('ref-1', '2025-06-10'), given.referral('ref-2', '2025-06-10'));

    expect(units.map((u) => [u.unitKey, u.counted, u.positions[0]])).toEqual([
      ['child:child-a/referral:ref-0', 'denominator-only', january.position],
      ['child:child-a/referral:ref-1', 'numerator', january.position],
      ['child:child-a/referral:ref-2', 'numerator', january.position],
    ]);
  });

  it('clamps 29 February: after 2024-02-29 the window ends 2025-02-28, so 2025-02-28 counts and 2025-03-01 does not', () => {
    const inWindow = new CaseFactsFixture();
    const outOfWindow = new CaseFactsFixture();

    expect(referralUnits(inWindow, inWindow.referral('ref-1', '2024-02-29'), inWindow.referral('ref-2', '2025-02-28'))[1].counted).toBe(
      'numerator',
    );
    expect(
      referralUnits(outOfWindow, outOfWindow.referral('ref-1', '2024-02-29'), outOfWindow.referral('ref-2', '2025-03-01'))[1].counted,
    ).toBe('denominator-only');
  });

  it('chains: 2024-01-01, 2024-12-01, 2025-11-30 makes the last a re-referral of the second (the first is 23 months back)', () => {
    const given = new CaseFactsFixture();
    const first = given.referral('ref-1', '2024-01-01');
    const second = given.referral('ref-2', '2024-12-01', { noFurtherAction: true });
    const third = given.referral('ref-3', '2025-11-30');

    expect(referralUnits(given, third, first, second).map((u) => [u.unitKey, u.counted, u.positions])).toEqual([
      ['child:child-a/referral:ref-1', 'denominator-only', [first.position]],
      ['child:child-a/referral:ref-2', 'numerator', [first.position, second.position]],
      ['child:child-a/referral:ref-3', 'numerator', [second.position, third.position]],
    ]);
  });

  it('ignores a referral of another child passed in by mistake', () => {
    const given = new CaseFactsFixture();
    const sibling = new CaseFactsFixture('child-b');

    const units = referralUnits(given, sibling.referral('ref-9', '2025-01-15'), given.referral('ref-1', '2025-06-10'));

    expect(units.map((u) => [u.unitKey, u.counted])).toEqual([['child:child-a/referral:ref-1', 'denominator-only']]);
  });
});
