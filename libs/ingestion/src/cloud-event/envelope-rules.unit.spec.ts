import { isJsonMediaType, isRfc3339Instant, isUriReference } from './envelope-rules';
import { eventTypeOf, parseEventType } from './event-type';

describe('envelope rules', () => {
  it.each([
    'urn:case-system:wccis:W06000015',
    'https://cases.example/wccis?x=1#top',
    '/case-systems/wccis',
    'wccis',
    'a%20b',
    'mailto:x@y',
  ])('accepts the URI-reference %s', (uri) => expect(isUriReference(uri)).toBe(true));

  it.each(['', 'has space', 'a%2', '1urn:x', 'a#b#c', 'urn:caf\u00e9', 'tab\there'])('rejects the URI-reference %j', (uri) =>
    expect(isUriReference(uri)).toBe(false),
  );

  it.each(['2025-06-20T10:30:00Z', '2025-06-20t10:30:00z', '2025-06-20T11:30:00.250+01:00', '2016-12-31T23:59:60Z'])(
    'accepts the RFC 3339 instant %s',
    (time) => expect(isRfc3339Instant(time)).toBe(true),
  );

  it.each([
    '2025-06-20',
    '2025-06-20T10:30:00',
    '2025-06-20T24:00:00Z',
    '2025-02-30T10:00:00Z',
    '2025-06-20T10:30Z',
    '2025-06-20T10:30:00+1:00',
  ])('rejects the RFC 3339 instant %s', (time) => expect(isRfc3339Instant(time)).toBe(false));

  it('accepts application/json with parameters and nothing else', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonMediaType('application/cloudevents+json')).toBe(false);
    expect(isJsonMediaType('text/json')).toBe(false);
  });

  it('writes and reads event types', () => {
    expect(eventTypeOf('ReferralReceived')).toBe('safeguarding.ReferralReceived.v1');
    expect(parseEventType('safeguarding.MetricTargetSet.v1')).toEqual({ ok: true, name: 'MetricTargetSet', major: 1 });
    expect(parseEventType('safeguarding.MetricTargetSet.v01')).toMatchObject({ ok: false });
    expect(parseEventType(42)).toMatchObject({ ok: false });
  });
});
