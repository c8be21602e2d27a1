import type { BoardEventName } from '@app/ingestion/catalogue/event-names';
import { validateEventData } from '@app/ingestion/validation/validate-event-data';
import { InvalidRequest, type ApiErrorDetail } from '@app/platform';

/**
 * The data of a board event from an HTTP request: the body plus the fields the path names
 * (`boardId` always, and e.g. `actionId` for `/actions/{actionId}/completion`), validated by the
 * ingestion contract, so a board event is held to the same rules over HTTP as in a CloudEvent.
 * A path field may not be repeated in the body: the path alone says which board and record.
 *
 * @throws InvalidRequest (422) naming every failing field (`heldOn`, `attendees[1].partnerId`).
 */
export function boardEventDataFromRequest<D>(eventName: BoardEventName, fromPath: Record<string, string>, body: unknown, today: string): D {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidRequest('The request body is invalid', [{ path: '', problem: 'must be a JSON object' }]);
  }
  const repeated: ApiErrorDetail[] = Object.keys(fromPath)
    .filter((field) => Object.prototype.hasOwnProperty.call(body, field))
    .map((field) => ({ path: field, problem: 'must not be in the body: the request path gives it' }));
  if (repeated.length > 0) throw new InvalidRequest('The request body is invalid', repeated);
  const result = validateEventData(eventName, { ...fromPath, ...body }, { today });
  if (!result.ok) {
    throw new InvalidRequest(
      'The request body is invalid',
      result.errors.map((error) => ({ path: error.path.replace(/^data\.?/, ''), problem: error.problem })),
    );
  }
  return result.data as D;
}
