import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { BOARD_EVENT_NAMES, CASE_EVENT_NAMES, EVENT_NAMES, eventTypeOf } from '@app/ingestion';
import { DEFAULT_BOARD_EVENTS_TOPIC, DEFAULT_CASE_EVENTS_TOPIC, DEFAULT_DEAD_LETTER_TOPIC, loadIngestorConfig } from './ingestor.config';

interface AsyncApiDocument {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  components: { messages: Record<string, { name: string; title?: string; payload: unknown }> };
}

const document = load(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml'), 'utf8')) as AsyncApiDocument;

function messageNamesOf(channel: string): string[] {
  return Object.values(document.channels[channel].messages).map(({ $ref }) => $ref.replace('#/components/messages/', ''));
}

describe('docs/asyncapi.yaml', () => {
  it('is an AsyncAPI 3 document', () => {
    expect(document.asyncapi).toMatch(/^3\.\d+\.\d+$/);
  });

  it('describes every event of the catalogue as a message with its CloudEvent type', () => {
    for (const name of EVENT_NAMES) {
      expect(document.components.messages[name]).toMatchObject({ name, title: eventTypeOf(name) });
    }
  });

  it('carries the case events on the case-events channel and the board events on the board-events channel', () => {
    expect(messageNamesOf('caseEvents').sort()).toEqual([...CASE_EVENT_NAMES].sort());
    expect(messageNamesOf('boardEvents').sort()).toEqual([...BOARD_EVENT_NAMES].sort());
  });

  it('names the topics the ingestor uses by default', () => {
    const config = loadIngestorConfig({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(document.channels.caseEvents.address).toBe(DEFAULT_CASE_EVENTS_TOPIC);
    expect(document.channels.boardEvents.address).toBe(DEFAULT_BOARD_EVENTS_TOPIC);
    expect(document.channels.deadLetters.address).toBe(DEFAULT_DEAD_LETTER_TOPIC);
    expect(config.topics).toEqual([DEFAULT_CASE_EVENTS_TOPIC, DEFAULT_BOARD_EVENTS_TOPIC]);
    expect(config.INGESTOR_DEAD_LETTER_TOPIC).toBe(DEFAULT_DEAD_LETTER_TOPIC);
  });

  it('resolves every message reference of every channel', () => {
    for (const channel of Object.keys(document.channels)) {
      for (const name of messageNamesOf(channel)) expect(document.components.messages[name]).toBeDefined();
    }
  });
});
