import { prepareEvents, timeOrderedUuid } from './append-plan';

describe('event ids the store generates', () => {
  it('are UUID version 7 carrying the time they were made', () => {
    const id = timeOrderedUuid(Date.parse('2026-11-25T23:00:00.000Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(Date.parse('2026-11-25T23:00:00.000Z'));
  });

  it('sort in the order of the milliseconds they were made in', () => {
    const earlier = timeOrderedUuid(1_764_111_600_000);
    const later = timeOrderedUuid(1_764_111_600_001);
    expect(earlier < later).toBe(true);
  });

  it('are given to events that come without one, and an id that is given is kept', () => {
    const [generated, given] = prepareEvents('s', [
      { type: 'T', data: {} },
      { type: 'T', data: {}, eventId: 'e-1' },
    ]);
    expect(generated.eventId).toMatch(/^[0-9a-f-]{14}7/);
    expect(generated.idSupplied).toBe(false);
    expect(given).toMatchObject({ eventId: 'e-1', idSupplied: true });
  });
});
