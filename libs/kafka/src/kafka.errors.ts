export interface KafkaConfigurationProblem {
  variable: string;
  /** The offending value, or `(redacted)` for secrets. */
  value: string | undefined;
  rule: string;
}

/** The Kafka settings broke one or more rules; each problem names the variable. */
export class InvalidKafkaConfiguration extends Error {
  constructor(readonly problems: KafkaConfigurationProblem[]) {
    super(
      `Invalid Kafka configuration:\n  ${problems
        .map((problem) => `${problem.variable}=${JSON.stringify(problem.value ?? '')}: ${problem.rule}`)
        .join('\n  ')}`,
    );
    this.name = 'InvalidKafkaConfiguration';
  }
}

/** A topic already exists with another partition count than the one the ledger relies on. */
export class KafkaTopicMismatch extends Error {
  constructor(
    readonly topic: string,
    readonly expectedPartitions: number,
    readonly actualPartitions: number,
  ) {
    super(`Topic ${topic} has ${actualPartitions} partitions, expected ${expectedPartitions}`);
    this.name = 'KafkaTopicMismatch';
  }
}
