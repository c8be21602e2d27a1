import { describeMetricsReadModel } from './testing/metrics-read-model.contract';
import { sqliteReadModelHarness } from './testing/sqlite-read-model.harness';

describeMetricsReadModel('SqliteMetricsReadModel', sqliteReadModelHarness);
