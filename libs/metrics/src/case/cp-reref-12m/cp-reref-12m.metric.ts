import { addMonths } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { ChildFacts } from '../child-facts';

export const CP_REREF_12M = 'CP-REREF-12M';

const MONTHS = 12;

export const CpReref12mReason = {
  noReferralInPrevious12Months: 'no-referral-in-previous-12-months',
} as const;

export const CP_REREF_12M_DEFINITION: MetricDefinition = {
  code: CP_REREF_12M,
  title: 'Re-referrals within 12 months of a previous referral',
  factor: 'performance-management',
  unit: 'referral',
  direction: 'lower-is-better',
  aggregation: 'rate',
  definition:
    'Referrals received in the period (by receivedOn); in the numerator when the child had another referral ' +
    'received on p with p < receivedOn <= addMonths(p, 12). Another referral received the same day does not count.',
  numerator: 'referrals whose child had another referral received on p with p < receivedOn <= addMonths(p, 12)',
  denominator: 'referrals received in the period',
  settings: {},
  scope: 'case',
};

/**
 * One unit per referral of this child, keyed `child:<childKey>/referral:<referralId>`. With the
 * referrals in date order, the latest one received strictly before decides: `addMonths` never
 * decreases, so no earlier referral reaches further.
 */
export function cpReref12mUnits(facts: ChildFacts, out: CaseUnitCollector): void {
  const referrals = facts.referrals;
  let previousDayLast = -1;
  for (let i = 0; i < referrals.length; i++) {
    const referral = referrals[i];
    const receivedOn = referral.data.receivedOn;
    if (i > 0 && referrals[i - 1].data.receivedOn !== receivedOn) previousDayLast = i - 1;
    const previous = previousDayLast >= 0 ? referrals[previousDayLast] : undefined;
    const reReferral = previous !== undefined && receivedOn <= addMonths(previous.data.receivedOn, MONTHS);
    out.add({
      metricCode: CP_REREF_12M,
      unitKey: childUnitKey(facts.childKey, `referral:${referral.key}`),
      unitDate: receivedOn,
      counted: reReferral ? 'numerator' : 'denominator-only',
      reason: reReferral ? null : CpReref12mReason.noReferralInPrevious12Months,
      positions: reReferral ? positionsOf(previous, referral) : positionsOf(referral),
    });
  }
}
