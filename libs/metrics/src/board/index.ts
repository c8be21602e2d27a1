export { BOARD_METRIC_DEFINITIONS, computeBoardUnits } from './board-metrics';
export { targetFor, type MetricTarget } from './targets/metric-target';
export { ragStatus, type RagStatus } from './targets/rag-status';
export { suppress, SUPPRESSED, type FiguresToPublish, type PublishedFigures } from './publication/suppression';
export { DQ_SEQUENCE_CODE } from './dq-sequence/dq-sequence.metric';
export type { SequenceFlagReason } from './sequence-flags';
