/** LEDGER_DEAD_LETTER_KEY breaks a rule; the message never contains key material. */
export class InvalidDeadLetterKey extends Error {
  constructor(readonly rule: string) {
    super(`LEDGER_DEAD_LETTER_KEY ${rule}`);
    this.name = 'InvalidDeadLetterKey';
  }
}

/** A dead letter was sealed with another key than the one configured. */
export class DeadLetterKeyMismatch extends Error {
  constructor(
    readonly sealedWith: string,
    readonly configured: string,
  ) {
    super(`The dead letter was sealed with key ${sealedWith}, the configured key is ${configured}`);
    this.name = 'DeadLetterKeyMismatch';
  }
}

/** A dead-letter record that cannot be read: not our format, or its ciphertext does not authenticate. */
export class UnreadableDeadLetter extends Error {
  constructor(
    readonly deadLetter: string,
    readonly rule: string,
  ) {
    super(`Dead letter ${deadLetter} is unreadable: ${rule}`);
    this.name = 'UnreadableDeadLetter';
  }
}

/** Redrive was asked for dead letters that are not on the topic. */
export class UnknownDeadLetters extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`No dead letter has the id ${ids.join(', ')}`);
    this.name = 'UnknownDeadLetters';
  }
}

/** The dead-letter topic did not acknowledge a write (retryable: the source offsets stay uncommitted). */
export class DeadLetterTopicUnavailable extends Error {
  constructor(
    readonly topic: string,
    cause: unknown,
  ) {
    super(`Dead-letter topic ${topic} did not acknowledge the write`, { cause });
    this.name = 'DeadLetterTopicUnavailable';
  }
}
