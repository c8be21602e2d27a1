import { financialYearOfPeriod, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger, ReceiptRecord } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';

export const FUND_CONTRIB_RECEIVED: MetricDefinition = {
  code: 'FUND-CONTRIB-RECEIVED',
  title: 'Agreed funding contributions received by their due date',
  factor: 'funding',
  unit: 'pence',
  direction: 'higher-is-better',
  aggregation: 'amount-rate',
  definition:
    "For the financial year containing the period: the sum received (`FundingContributionReceived` for the contribution, from the same partner) on or before each contribution's `dueOn`, capped per contribution at the agreed amount, over the sum of `amountPence` agreed (`FundingContributionAgreed`) for that financial year.",
  numerator: "pence received on or before each contribution's dueOn, capped at the amount agreed",
  denominator: 'pence agreed for the financial year of the period',
  settings: {},
  scope: 'board',
};

/**
 * One unit per contribution agreed for the financial year containing the period (so a quarter
 * shows its whole year), placed on the contribution's due date and broken down by partner.
 * `denominatorValue` is the amount agreed, `value` what came in by the due date, capped at it.
 */
export function fundContribReceivedUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const year = financialYearOfPeriod(period).label;
  const onTimeReceipts = new Map<string, ReceiptRecord[]>();
  for (const receipt of ledger.receipts) {
    const contribution = ledger.contributions.get(receipt.contributionId);
    if (!contribution || contribution.financialYear !== year) continue;
    if (receipt.partnerId !== contribution.partnerId || receipt.receivedOn > contribution.dueOn) continue;
    onTimeReceipts.set(contribution.contributionId, [...(onTimeReceipts.get(contribution.contributionId) ?? []), receipt]);
  }
  const units: MetricUnit[] = [];
  for (const contribution of ledger.contributions.values()) {
    if (contribution.financialYear !== year) continue;
    const receipts = onTimeReceipts.get(contribution.contributionId) ?? [];
    const received = receipts.reduce((sum, receipt) => sum + receipt.amountPence, 0);
    const value = Math.max(0, Math.min(received, contribution.amountPence));
    units.push(
      boardUnit({
        metricCode: FUND_CONTRIB_RECEIVED.code,
        unitKey: `contribution:${contribution.contributionId}`,
        unitDate: contribution.dueOn,
        miss: value > 0 ? null : 'nothing-received-by-due-date',
        facts: [contribution.fact, ...receipts.map((receipt) => receipt.fact)],
        value,
        denominatorValue: contribution.amountPence,
        breakdown: contribution.partnerId,
      }),
    );
  }
  return inUnitOrder(units);
}
