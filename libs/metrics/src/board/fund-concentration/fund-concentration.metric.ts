import { contains, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';
import { firstFlag } from '../sequence-flags';

export const FUND_CONCENTRATION: MetricDefinition = {
  code: 'FUND-CONCENTRATION',
  title: 'Share of funding received from the largest single partner',
  factor: 'funding',
  unit: 'pence',
  direction: 'lower-is-better',
  aggregation: 'largest-share',
  definition:
    'Of all contributions received in the period (`FundingContributionReceived.amountPence` with `receivedOn` in the period), the share received from the single partner whose total received in the period is largest.',
  numerator: "the largest single partner's total received in the period",
  denominator: 'all contributions received in the period',
  settings: {},
  scope: 'board',
};

/** One unit per receipt in the period, its amount as `value`, broken down by the paying partner. */
export function fundConcentrationUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const units: MetricUnit[] = [];
  for (const receipt of ledger.receipts) {
    if (!contains(period, receipt.receivedOn)) continue;
    units.push(
      boardUnit({
        metricCode: FUND_CONCENTRATION.code,
        unitKey: `receipt:${receipt.receiptId}`,
        unitDate: receipt.receivedOn,
        miss: null,
        flag: firstFlag(ledger.flags, receipt.fact),
        facts: [receipt.fact],
        value: receipt.amountPence,
        breakdown: receipt.partnerId,
      }),
    );
  }
  return inUnitOrder(units);
}
