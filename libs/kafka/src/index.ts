export * from './kafka-client.port';
export * from './kafka.errors';
export * from './kafka-config';
export * from './kafkajs-client';
