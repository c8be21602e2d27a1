import { BOARD_ID_PATTERN, ROLES, type Identity } from '../identity/identity';

/** Which boards each Kafka topic may write for: `topic=board[|board...]`, entries separated by `,`. */
export type KafkaTopicBoards = ReadonlyMap<string, readonly string[]>;

export class InvalidKafkaTopicBoards extends Error {
  constructor(
    readonly setting: string,
    readonly problems: string[],
  ) {
    super(`LEDGER_KAFKA_TOPIC_BOARDS: ${problems.join('; ')}`);
    this.name = 'InvalidKafkaTopicBoards';
  }
}

/**
 * Parses `LEDGER_KAFKA_TOPIC_BOARDS`, e.g.
 * `safeguarding.case-events.cardiff-vale=cardiff-vale,safeguarding.board-events.gwent=gwent|gwent-south`.
 * @throws InvalidKafkaTopicBoards naming every malformed entry.
 */
export function parseKafkaTopicBoards(setting: string): KafkaTopicBoards {
  const bindings = new Map<string, string[]>();
  const problems: string[] = [];
  for (const entry of setting
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const [topic, boards, extra] = entry.split('=');
    const boardIds = (boards ?? '').split('|').map((board) => board.trim());
    if (extra !== undefined || !/^[A-Za-z0-9._-]{1,249}$/.test(topic ?? '')) problems.push(`"${entry}" must be topic=board[|board...]`);
    else if (boardIds.some((board) => !BOARD_ID_PATTERN.test(board))) problems.push(`"${entry}" names a malformed board id`);
    else if (bindings.has(topic)) problems.push(`topic ${topic} is bound twice`);
    else bindings.set(topic, boardIds);
  }
  if (problems.length > 0) throw new InvalidKafkaTopicBoards(setting, problems);
  return bindings;
}

/**
 * The identity a Kafka message is ingested as: the broker's ACLs decide which SASL principal may
 * write to which topic, and this binding decides which boards a topic may write for. A topic
 * with no binding has no identity (null): its messages are dead-lettered as `unknown-board`
 * rather than trusted with every board.
 */
export function kafkaTopicIdentity(topic: string, bindings: KafkaTopicBoards): Identity | null {
  const boards = bindings.get(topic);
  if (boards === undefined) return null;
  return { subject: `kafka-topic:${topic}`, kind: 'kafka-topic', roles: [ROLES[0]], boards };
}
