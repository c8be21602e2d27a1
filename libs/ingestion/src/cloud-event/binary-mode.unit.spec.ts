import { EXAMPLE_TODAY, VALID_EXAMPLES } from '../catalogue/valid-examples.fixture';
import { decodeKafkaCloudEvent, isBinaryMode, structuredFromBinary } from './binary-mode';
import { validateCloudEvent } from './validate-cloud-event';

const referral = VALID_EXAMPLES.find((example) => example.name === 'ReferralReceived')!.data;

const headers = {
  ce_specversion: Buffer.from('1.0'),
  ce_id: Buffer.from('wccis-00042118'),
  ce_source: Buffer.from('urn:case-system:wccis:W06000015'),
  ce_type: Buffer.from('safeguarding.ReferralReceived.v1'),
  ce_time: '2025-06-02T09:00:00Z',
  'content-type': Buffer.from('application/json'),
  ce_traceparent: Buffer.from('00-abc-def-01'),
  'x-not-cloudevents': Buffer.from('ignored'),
};

describe('binary mode (Kafka ce_* headers)', () => {
  it('maps the headers to attributes and the value to data', () => {
    const decoded = structuredFromBinary(headers, Buffer.from(JSON.stringify(referral)));
    expect(decoded).toEqual({
      ok: true,
      byteLength: Buffer.byteLength(JSON.stringify(referral)),
      raw: {
        specversion: '1.0',
        id: 'wccis-00042118',
        source: 'urn:case-system:wccis:W06000015',
        type: 'safeguarding.ReferralReceived.v1',
        time: '2025-06-02T09:00:00Z',
        datacontenttype: 'application/json',
        traceparent: '00-abc-def-01',
        data: referral,
      },
    });
    const validated = decoded.ok && validateCloudEvent(decoded.raw, { today: EXAMPLE_TODAY, byteLength: decoded.byteLength });
    expect(validated && validated.ok).toBe(true);
  });

  it('matches header names without regard to case', () => {
    const decoded = structuredFromBinary({ CE_SpecVersion: '1.0', 'Content-Type': 'application/json' }, '{}');
    expect(decoded).toEqual({ ok: true, byteLength: 2, raw: { specversion: '1.0', datacontenttype: 'application/json', data: {} } });
  });

  it('reports a repeated header, a header posing as data and a value that is not JSON, without quoting it', () => {
    const decoded = structuredFromBinary(
      { ...headers, ce_id: [Buffer.from('a'), Buffer.from('b')], ce_data: '{}' },
      Buffer.from('{"childId": LA-77120'),
    );
    expect(decoded).toEqual({
      ok: false,
      errors: [
        { path: 'id', problem: 'must be given once (header ce_id)' },
        { path: 'data', problem: 'travels as the message value in binary mode, not as a header' },
        { path: 'data', problem: 'must be a JSON object (the message value is not valid JSON)' },
      ],
    });
    expect(JSON.stringify(decoded)).not.toContain('LA-77120');
  });

  it('leaves data out when the message has no value, for validation to report', () => {
    const decoded = structuredFromBinary(headers, null);
    expect(decoded.ok && validateCloudEvent(decoded.raw, { today: EXAMPLE_TODAY })).toEqual({
      ok: false,
      errors: [{ path: 'data', problem: 'is required' }],
    });
  });

  it('refuses a value over 256 KiB', () => {
    const decoded = structuredFromBinary(headers, Buffer.alloc(256 * 1024 + 1, 0x20));
    expect(decoded).toEqual({ ok: false, errors: [{ path: 'data', problem: 'must not exceed 262144 bytes (256 KiB)' }] });
  });

  it('tells binary from structured messages by the ce_specversion header', () => {
    expect(isBinaryMode(headers)).toBe(true);
    expect(isBinaryMode({ 'content-type': 'application/cloudevents+json' })).toBe(false);
    expect(isBinaryMode(undefined)).toBe(false);
  });

  it('decodes a structured message from its value and a binary one from its headers', () => {
    const structured = { specversion: '1.0', id: 'x', source: 's', type: 't', data: referral };
    expect(decodeKafkaCloudEvent({ 'content-type': 'application/cloudevents+json' }, JSON.stringify(structured))).toMatchObject({
      ok: true,
      raw: structured,
    });
    expect(decodeKafkaCloudEvent(headers, JSON.stringify(referral))).toMatchObject({
      ok: true,
      raw: { id: 'wccis-00042118', data: referral },
    });
    expect(decodeKafkaCloudEvent(undefined, 'not json')).toEqual({ ok: false, errors: [{ path: '', problem: 'is not valid JSON' }] });
    expect(decodeKafkaCloudEvent(undefined, null)).toEqual({
      ok: false,
      errors: [{ path: '', problem: 'is required: the message has no value' }],
    });
  });
});
