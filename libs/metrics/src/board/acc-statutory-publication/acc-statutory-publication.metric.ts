import { dateOf, previousPeriod, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger } from '../board-ledger';
import { boardUnit } from '../board-unit';
import { firstFlag } from '../sequence-flags';

export const ACC_STATUTORY_PUBLICATION: MetricDefinition = {
  code: 'ACC-STATUTORY-PUBLICATION',
  title: 'Annual plan and annual report published on time',
  factor: 'accountability',
  unit: 'duty',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Two duties per financial year: the annual plan for the year, met when `AnnualPlanPublished` for the year was published before the year starts (before 1 April); and the annual report for the previous year, met when `AnnualReportPublished` for the previous year was published on or before 31 July of the year. Defined for financial-year periods only.',
  numerator: 'duties met on time',
  denominator: '2 per financial year',
  settings: {},
  scope: 'board',
  periodKinds: ['financial-year'],
};

/**
 * The two duties of a financial year, each placed on its deadline within the year (the plan on
 * 1 April, the report on 31 July); no units for any other kind of period.
 */
export function accStatutoryPublicationUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  if (period.kind !== 'financial-year') return [];
  const plan = ledger.annualPlans.get(period.label);
  const reportYear = previousPeriod(period).label;
  const report = ledger.annualReports.get(reportYear);
  const reportDeadline = dateOf(Number(period.from.slice(0, 4)), 7, 31);
  return [
    boardUnit({
      metricCode: ACC_STATUTORY_PUBLICATION.code,
      unitKey: `plan:${period.label}`,
      unitDate: period.from,
      miss: !plan ? 'plan-not-published' : plan.publishedOn < period.from ? null : 'plan-published-late',
      facts: [plan?.fact],
      breakdown: 'annual-plan',
    }),
    boardUnit({
      metricCode: ACC_STATUTORY_PUBLICATION.code,
      unitKey: `report:${reportYear}`,
      unitDate: reportDeadline,
      miss: !report ? 'report-not-published' : report.publishedOn <= reportDeadline ? null : 'report-published-late',
      flag: firstFlag(ledger.flags, report?.fact),
      facts: [report?.fact],
      breakdown: 'annual-report',
    }),
  ];
}
