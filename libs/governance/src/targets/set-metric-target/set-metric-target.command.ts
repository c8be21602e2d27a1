import { BoardCommand } from '../../board-command';
import type { MetricTargetSetData } from '../targets.events';

/** Set (or correct) the board's target for a metric in a financial year (`MetricTargetSet`). */
export class SetMetricTargetCommand extends BoardCommand<MetricTargetSetData> {}
