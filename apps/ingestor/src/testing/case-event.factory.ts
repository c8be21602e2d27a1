import { CASE_EVENT_NAMES, eventTypeOf } from '@app/ingestion';
import { VALID_EXAMPLES } from '@app/ingestion/catalogue/valid-examples.fixture';

/** The local authorities of the test board, and one no board covers. */
export const TEST_LOCAL_AUTHORITY = 'W06000015';
export const UNCOVERED_LOCAL_AUTHORITY = 'W06000099';
export const TEST_BOARD_ID = 'cardiff-vale';

export interface CloudEventJson {
  specversion: string;
  id: string;
  source: string;
  type: string;
  time?: string;
  datacontenttype?: string;
  data: Record<string, unknown>;
}

const EXAMPLE_CHILDREN = ['LA-77120', 'LA-77121'];
const CASE_EXAMPLES = VALID_EXAMPLES.filter(
  (example) => example.name !== 'RecordRetracted' && (CASE_EVENT_NAMES as readonly string[]).includes(example.name),
);

/** Every id field of the example gets the suffix (a new business key), the example children become `children`. */
function personalise(value: unknown, suffix: string, children: readonly [string, string], key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => personalise(item, suffix, children, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, personalise(inner, suffix, children, name)]));
  }
  if (typeof value === 'string') {
    const child = EXAMPLE_CHILDREN.indexOf(value);
    if (child >= 0) return children[child];
    if (key.endsWith('Id') && key !== 'childId') return `${value}-${suffix}`;
  }
  return value;
}

export interface CaseEventOptions {
  run: string;
  /** Child identifiers in clear (the ingestor pseudonymises them). */
  children?: readonly [string, string];
  localAuthority?: string;
}

/**
 * The n-th case event of a run: the catalogue's valid examples in turn (every case event type but
 * retractions), each with its own business key and CloudEvent id, so every one is a new fact.
 */
export function caseEvent(n: number, options: CaseEventOptions): CloudEventJson {
  const example = CASE_EXAMPLES[n % CASE_EXAMPLES.length];
  const children = options.children ?? [`child-${options.run}-${n}-a`, `child-${options.run}-${n}-b`];
  const data = personalise(example.data, `${options.run}-${n}`, children) as Record<string, unknown>;
  if (options.localAuthority !== undefined) data.localAuthority = options.localAuthority;
  return {
    specversion: '1.0',
    id: `evt-${options.run}-${n}`,
    source: `urn:case-system:wccis:${TEST_LOCAL_AUTHORITY}`,
    type: eventTypeOf(example.name),
    time: '2025-06-20T10:30:00Z',
    datacontenttype: 'application/json',
    data,
  };
}

/** The board covering {@link TEST_LOCAL_AUTHORITY}, as a board CloudEvent. */
export function boardEstablished(run: string): CloudEventJson {
  const example = VALID_EXAMPLES.find((candidate) => candidate.name === 'BoardEstablished');
  if (example === undefined) throw new Error('The catalogue examples lost BoardEstablished');
  return {
    specversion: '1.0',
    id: `board-${run}`,
    source: 'urn:board:cardiff-vale',
    type: eventTypeOf('BoardEstablished'),
    datacontenttype: 'application/json',
    data: { ...example.data, boardId: TEST_BOARD_ID },
  };
}

/** The same event in Kafka's binary mode: attributes as `ce_*` headers, the data as the value. */
export function binaryMode(event: CloudEventJson): { headers: Record<string, string>; value: Buffer } {
  const headers: Record<string, string> = {
    ce_specversion: event.specversion,
    ce_id: event.id,
    ce_source: event.source,
    ce_type: event.type,
    'content-type': 'application/json',
  };
  if (event.time !== undefined) headers.ce_time = event.time;
  return { headers, value: Buffer.from(JSON.stringify(event.data)) };
}
