import { METRIC_CODES } from '@app/ingestion/catalogue/metric-codes';
import { BOARD_METRIC_DEFINITIONS } from '../board';
import { CASE_METRIC_DEFINITIONS } from '../case';
import type { Factor, MetricDefinition } from './metric-definition';

/** Catalogue order: metrics.md's table of core metrics, as the ingestion contract lists the codes. */
const CORE_ORDER: readonly string[] = METRIC_CODES;

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
