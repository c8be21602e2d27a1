import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { CaseFactsFixture, unitsOf } from '../testing/case-facts.fixture';
import { CP_REG_AVGDAYS } from './cp-reg-avgdays.metric';

function registerUnits(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  return unitsOf(computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS), CP_REG_AVGDAYS);
}

describe('CP-REG-AVGDAYS: average days on the child protection register', () => {
  it('gives a plan from 2025-01-01 to 2025-03-01 the 59 calendar days between (31 in January, 28 in February)', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2025-01-01');
    const end = given.planEnded('plan-1', '2025-03-01');

    expect(registerUnits(given, start, end)).toEqual([
      {
        metricCode: CP_REG_AVGDAYS,
        unitKey: 'child:child-a/plan:plan-1',
        unitDate: '2025-03-01',
        counted: 'numerator',
        reason: null,
        value: 59,
        positions: [start.position, end.position],
      },
    ]);
  });

  it('counts 29 February in a leap year: 2024-02-01 to 2024-03-01 is 29 days', () => {
    const given = new CaseFactsFixture();

    expect(registerUnits(given, given.planStarted('plan-1', '2024-02-01'), given.planEnded('plan-1', '2024-03-01'))).toEqual([
      expect.objectContaining({ value: 29 }),
    ]);
  });

  it('gives a plan that ends the day it starts 0 days, still counted', () => {
    const given = new CaseFactsFixture();

    expect(registerUnits(given, given.planStarted('plan-1', '2025-05-05'), given.planEnded('plan-1', '2025-05-05'))).toEqual([
      expect.objectContaining({ counted: 'numerator', value: 0 }),
    ]);
  });

  it('keeps a plan that ends before it starts in the denominator with 0 days (out of the sum) and flags it', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2025-05-05');
    const end = given.planEnded('plan-1', '2025-05-01');

    expect(registerUnits(given, start, end)).toEqual([
      {
        metricCode: CP_REG_AVGDAYS,
        unitKey: 'child:child-a/plan:plan-1',
        unitDate: '2025-05-01',
        counted: 'denominator-only',
        reason: 'plan-ended-before-start',
        dataQuality: true,
        value: 0,
        positions: [start.position, end.position],
      },
    ]);
  });

  it('excludes and flags a plan end with no known start, with no value', () => {
    const given = new CaseFactsFixture();
    const end = given.planEnded('plan-1', '2025-05-01');

    expect(registerUnits(given, end)).toEqual([
      {
        metricCode: CP_REG_AVGDAYS,
        unitKey: 'child:child-a/plan:plan-1',
        unitDate: '2025-05-01',
        counted: 'excluded',
        reason: 'plan-end-without-start',
        dataQuality: true,
        positions: [end.position],
      },
    ]);
  });
});
