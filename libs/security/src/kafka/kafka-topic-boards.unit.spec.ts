import { InvalidKafkaTopicBoards, kafkaTopicIdentity, parseKafkaTopicBoards } from './kafka-topic-boards';

describe('Kafka topic to board bindings', () => {
  it('binds each topic to its boards and gives the topic an ingest identity for them', () => {
    const bindings = parseKafkaTopicBoards('safeguarding.case-events.cardiff-vale=cardiff-vale, board-events.gwent=gwent|gwent-south');
    expect(kafkaTopicIdentity('board-events.gwent', bindings)).toEqual({
      subject: 'kafka-topic:board-events.gwent',
      kind: 'kafka-topic',
      roles: ['ingest'],
      boards: ['gwent', 'gwent-south'],
    });
  });

  it('gives a topic with no binding no identity', () => {
    expect(kafkaTopicIdentity('unbound', parseKafkaTopicBoards('a=b'))).toBeNull();
  });

  it('names every malformed entry', () => {
    expect(() => parseKafkaTopicBoards('a=B C,b,a=x=y')).toThrow(InvalidKafkaTopicBoards);
    expect(() => parseKafkaTopicBoards('t=a,t=b')).toThrow('topic t is bound twice');
  });
});
