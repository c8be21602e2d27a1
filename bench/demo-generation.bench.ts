/**
 * Demo generation speed: generates and serialises the demo without writing it anywhere, and prints
 * events per second. Sizes come from DEMO_BOARDS, DEMO_YEARS, DEMO_SCALE and DEMO_SEED
 * (defaults: 6 boards, 2 years, scale 7, seed 1). The last line is one JSON object.
 */
import { createHash } from 'node:crypto';
import { serialiseDemo } from '@app/demo';

const options = {
  boards: Number(process.env.DEMO_BOARDS ?? 6),
  years: Number(process.env.DEMO_YEARS ?? 2),
  scale: Number(process.env.DEMO_SCALE ?? 7),
  seed: Number(process.env.DEMO_SEED ?? 1),
};

const started = process.hrtime.bigint();
const hash = createHash('sha256');
let events = 0;
let bytes = 0;
for (const chunk of serialiseDemo(options)) {
  hash.update(chunk);
  bytes += chunk.length;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) events++;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const heapMiB = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
process.stdout.write(
  `${JSON.stringify({ ...options, events, bytes, seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(events / seconds), heapMiB, sha256: hash.digest('hex') })}\n`,
);
