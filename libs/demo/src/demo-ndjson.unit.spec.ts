import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { serialiseDemo, writeDemoNdjson } from './demo-ndjson';

const OPTIONS = { boards: 1, years: 1, seed: 3 };

describe('writeDemoNdjson', () => {
  it('writes the same bytes as serialiseDemo, waiting on a slow stream, and counts events and bytes', async () => {
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    const summary = await writeDemoNdjson(OPTIONS, slow);
    const written = Buffer.concat(chunks);
    const expected = [...serialiseDemo(OPTIONS)].join('');
    expect(createHash('sha256').update(written).digest('hex')).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(summary).toEqual({ events: expected.split('\n').length - 1, bytes: written.length });
  });
});
