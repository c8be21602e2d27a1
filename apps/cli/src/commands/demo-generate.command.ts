import { createWriteStream } from 'node:fs';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { generateDemo, writeDemoNdjson, type DemoOptions } from '@app/demo';
import { KafkaJsClient } from '@app/kafka';

interface GenerateOptions {
  boards: number;
  years: number;
  seed: number;
  scale?: number;
  endDate?: string;
  out?: string;
  http?: string;
  token?: string;
  kafka?: string;
  topic?: string;
}

@SubCommand({
  name: 'generate',
  description: 'Generate deterministic demo CloudEvents: NDJSON to a file or standard output, or send them over HTTP or to Kafka',
})
export class GenerateDemoCommand extends CommandRunner {
  async run(_params: string[], options: GenerateOptions): Promise<void> {
    const demo: DemoOptions = {
      boards: options.boards ?? 6,
      years: options.years ?? 2,
      seed: options.seed ?? 1,
      scale: options.scale,
      endDate: options.endDate,
    };
    if (options.http) return this.toHttp(demo, options.http, options.token);
    if (options.kafka) return this.toKafka(demo, options.kafka, options.topic ?? 'safeguarding.case-events');
    const out = options.out ? createWriteStream(options.out) : process.stdout;
    const summary = await writeDemoNdjson(demo, out);
    if (options.out) {
      await new Promise<void>((resolve) => (out as NodeJS.WritableStream).end(resolve));
      process.stderr.write(`wrote ${summary.events} events (${summary.bytes} bytes) to ${options.out}\n`);
    }
  }

  private async toHttp(demo: DemoOptions, url: string, token: string | undefined): Promise<void> {
    let batch: unknown[] = [];
    let accepted = 0;
    let rejected = 0;
    const send = async () => {
      const response = await fetch(`${url.replace(/\/$/, '')}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents-batch+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(batch),
      });
      if (response.status !== 202) throw new Error(`POST /v1/events answered ${response.status}: ${await response.text()}`);
      const body = (await response.json()) as { accepted: number; duplicates: number; rejected: unknown[] };
      accepted += body.accepted + body.duplicates;
      rejected += body.rejected.length;
      batch = [];
    };
    for (const event of generateDemo(demo)) {
      batch.push(event);
      if (batch.length === 1_000) await send();
    }
    if (batch.length > 0) await send();
    process.stderr.write(`sent: ${accepted} accepted or duplicate, ${rejected} rejected\n`);
  }

  private async toKafka(demo: DemoOptions, brokers: string, topic: string): Promise<void> {
    const client = new KafkaJsClient({ clientId: 'ledger-demo', brokers: brokers.split(','), ssl: false });
    const producer = client.producer();
    await producer.connect();
    let messages: Array<{ key: Buffer; value: Buffer; headers: Record<string, string> }> = [];
    let sent = 0;
    const flush = async () => {
      await producer.send({ topic, messages });
      sent += messages.length;
      messages = [];
    };
    for (const event of generateDemo(demo)) {
      const key = String(
        (event.data as { localAuthority?: string; boardId?: string }).localAuthority ?? (event.data as { boardId?: string }).boardId,
      );
      messages.push({
        key: Buffer.from(key),
        value: Buffer.from(JSON.stringify(event)),
        headers: { 'content-type': 'application/cloudevents+json' },
      });
      if (messages.length === 500) await flush();
    }
    if (messages.length > 0) await flush();
    await producer.disconnect();
    process.stderr.write(`produced ${sent} events to ${topic}\n`);
  }

  @Option({ flags: '--boards <n>', description: 'Boards, 1 to 6 (default 6)' })
  parseBoards(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--years <n>', description: 'Years of history (default 2)' })
  parseYears(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--seed <n>', description: 'Seed; the same seed gives byte-identical output (default 1)' })
  parseSeed(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--scale <n>', description: 'Multiplies case volume (default 1)' })
  parseScale(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--end-date <date>', description: 'The last day of the history (default 2026-03-31)' })
  parseEndDate(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'Write NDJSON to a file (default: standard output)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--http <url>', description: 'POST the events to an API, e.g. http://127.0.0.1:3000' })
  parseHttp(value: string): string {
    return value;
  }

  @Option({ flags: '--token <key>', description: 'Bearer token for --http (an ingest or admin key)' })
  parseToken(value: string): string {
    return value;
  }

  @Option({ flags: '--kafka <brokers>', description: 'Produce the events to Kafka, e.g. 127.0.0.1:59092' })
  parseKafka(value: string): string {
    return value;
  }

  @Option({
    flags: '--topic <topic>',
    description: 'Topic for --kafka (default safeguarding.case-events; the ingestor creates it when it starts)',
  })
  parseTopic(value: string): string {
    return value;
  }
}

@Command({ name: 'demo', description: 'Demo data', subCommands: [GenerateDemoCommand] })
export class DemoCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
