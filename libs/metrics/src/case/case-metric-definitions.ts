import type { MetricDefinition } from '../catalogue/metric-definition';
import { CIN_ASSESS_TIMELY_DEFINITION } from './cin-assess-timely/cin-assess-timely.metric';
import { CP_ICPC_15WD_DEFINITION } from './cp-icpc-15wd/cp-icpc-15wd.metric';
import { CP_PLAN_2Y_DEFINITION } from './cp-plan-2y/cp-plan-2y.metric';
import { CP_REG_AVGDAYS_DEFINITION } from './cp-reg-avgdays/cp-reg-avgdays.metric';
import { CP_REPEAT_PLAN_DEFINITION } from './cp-repeat-plan/cp-repeat-plan.metric';
import { CP_REREF_12M_DEFINITION } from './cp-reref-12m/cp-reref-12m.metric';
import { CP_REREG_12M_DEFINITION } from './cp-rereg-12m/cp-rereg-12m.metric';
import { DQ_SEQUENCE_DEFINITION } from './dq-sequence/dq-sequence.metric';
import { OUT_MEASURED_IMPROVEMENT_DEFINITION } from './out-measured-improvement/out-measured-improvement.metric';

/** The case metrics of metrics.md in table order, and `DQ-SEQUENCE`, which counts the facts they flag. */
export const CASE_METRIC_DEFINITIONS: MetricDefinition[] = [
  CP_ICPC_15WD_DEFINITION,
  CP_PLAN_2Y_DEFINITION,
  CP_REG_AVGDAYS_DEFINITION,
  CP_REREF_12M_DEFINITION,
  CP_REPEAT_PLAN_DEFINITION,
  CP_REREG_12M_DEFINITION,
  CIN_ASSESS_TIMELY_DEFINITION,
  OUT_MEASURED_IMPROVEMENT_DEFINITION,
  DQ_SEQUENCE_DEFINITION,
];
