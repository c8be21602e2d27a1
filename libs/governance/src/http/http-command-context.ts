import { createHash, randomUUID } from 'node:crypto';
import type { CommandContext } from '@app/ddd';

/** What the command edge reads from an HTTP request (Express, with the request id the logging middleware sets). */
export interface HttpCommandRequest {
  id?: unknown;
  method: string;
  originalUrl?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * The context of a board command sent over HTTP: the transport is the request id (`x-request-id`),
 * which is also the correlation id. The event id is derived from the `Idempotency-Key` header when
 * the caller sends one (a retry of the same request then answers `duplicate`), else it is new.
 */
export function httpCommandContext(request: HttpCommandRequest): CommandContext & { eventId: string } {
  const requestId = requestIdOf(request);
  const key = headerOf(request, IDEMPOTENCY_KEY_HEADER);
  const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
  const eventId = key === undefined ? randomUUID() : uuidFromText(`${request.method} ${path}\n${key}`);
  return { correlationId: requestId, eventId, transport: { kind: 'http', requestId } };
}

function requestIdOf(request: HttpCommandRequest): string {
  if (typeof request.id === 'string' && request.id.length > 0) return request.id;
  return headerOf(request, 'x-request-id') ?? randomUUID();
}

function headerOf(request: HttpCommandRequest, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.length === 0 ? undefined : first;
}

/** A name-based UUID (version 5 layout over SHA-256): the same text always gives the same id. */
function uuidFromText(text: string): string {
  const bytes = createHash('sha256').update(text).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
