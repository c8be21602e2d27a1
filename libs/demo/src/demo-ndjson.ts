import type { Writable } from 'node:stream';
import { generateDemo, type DemoOptions } from './generate-demo';

/** Events per chunk of NDJSON: large enough that writing is cheap, small enough to stream. */
const EVENTS_PER_CHUNK = 1_000;

/**
 * The demo as newline-delimited JSON (one CloudEvent per line, `\n` after each), in chunks of
 * up to 1,000 lines. The bytes are the same on every run for the same options.
 */
export function* serialiseDemo(options: DemoOptions): Generator<string, void, void> {
  let lines: string[] = [];
  for (const event of generateDemo(options)) {
    lines.push(JSON.stringify(event));
    if (lines.length === EVENTS_PER_CHUNK) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

export interface DemoWriteSummary {
  events: number;
  bytes: number;
}

/**
 * Writes the demo as NDJSON to a stream (a file, stdout), waiting for the stream to drain when
 * it asks to; does not end the stream.
 */
export async function writeDemoNdjson(options: DemoOptions, out: Writable): Promise<DemoWriteSummary> {
  let events = 0;
  let bytes = 0;
  for (const chunk of serialiseDemo(options)) {
    events += countLines(chunk);
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  return { events, bytes };
}

function countLines(chunk: string): number {
  let n = 0;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) n++;
  return n;
}
