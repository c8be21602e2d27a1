import { BOARD_METRIC_DEFINITIONS } from '../board';
import { CASE_METRIC_DEFINITIONS } from '../case';
import type { Factor, MetricDefinition } from './metric-definition';

/** The order of metrics.md's table of core metrics, which the catalogue and evidence pack follow. */
const CORE_ORDER = [
  'CP-ICPC-15WD',
  'CP-PLAN-2Y',
  'CP-REG-AVGDAYS',
  'CP-REREF-12M',
  'CP-REPEAT-PLAN',
  'CP-REREG-12M',
  'CIN-ASSESS-TIMELY',
  'OUT-MEASURED-IMPROVEMENT',
  'QA-AUDIT-DELIVERY',
  'QA-AUDIT-GOOD',
  'QA-ACTIONS-ON-TIME',
  'QA-ACTIONS-OVERDUE',
  'LEAD-ATTENDANCE',
  'ACC-STATUTORY-PUBLICATION',
  'FUND-CONTRIB-RECEIVED',
  'FUND-CONCENTRATION',
  'STRAT-PLAN-DELIVERY',
  'STRUCT-SUBGROUP-CADENCE',
  'ENG-PARTICIPATION',
  'DQ-SEQUENCE',
];

export const FACTORS: readonly Factor[] = [
  'leadership',
  'accountability',
  'funding',
  'strategic-direction',
  'structures',
  'performance-management',
  'quality-assurance',
];

/** Every metric the ledger computes, by code, in catalogue order. DQ-SEQUENCE counts flags of case and board facts alike. */
export class MetricCatalogue {
  private readonly byCode = new Map<string, MetricDefinition>();

  constructor(definitions: readonly MetricDefinition[] = [...CASE_METRIC_DEFINITIONS, ...BOARD_METRIC_DEFINITIONS]) {
    for (const definition of definitions) if (!this.byCode.has(definition.code)) this.byCode.set(definition.code, definition);
  }

  all(): MetricDefinition[] {
    const rank = (code: string) => (CORE_ORDER.includes(code) ? CORE_ORDER.indexOf(code) : CORE_ORDER.length);
    return [...this.byCode.values()].sort((a, b) => rank(a.code) - rank(b.code) || a.code.localeCompare(b.code));
  }

  get(code: string): MetricDefinition | undefined {
    return this.byCode.get(code);
  }

  byFactor(factor: Factor): MetricDefinition[] {
    return this.all().filter((definition) => definition.factor === factor);
  }
}
