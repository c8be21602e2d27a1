import { parsePeriod, periodsBetween, previousPeriod, type Period, type PeriodGranularity } from '@app/calendar';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { computeBoardUnits, ragStatus, suppress, targetFor } from '../board';
import { businessDateOf } from '../read-model/fact-projection';
import type { MetricDefinition } from '../catalogue/metric-definition';
import { FACTORS, type MetricCatalogue } from '../catalogue/metric-catalogue';
import type { BoardFacts, BoardSettings } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import type { MetricsReadModel, UnitCursor, UnitTotal } from '../read-model/metrics-read-model.port';
import { aggregate, totalsOf, type MetricFigures } from '../values/aggregate';
import { InvalidCursor, MetricNotFound, MetricNotDefinedForPeriod, UnknownBoard } from './metric-query.errors';

export interface PeriodView {
  label: string;
  from: string;
  to: string;
}

export interface MetricValue {
  code: string;
  title: string;
  factor: string;
  unit: string;
  direction: string;
  period: PeriodView;
  value: number | null | 'c';
  numerator: number | null | 'c';
  denominator: number | null | 'c';
  /** True when suppression withheld a figure (shown as "c"). */
  suppressed?: boolean;
  breakdowns?: Array<{ key: string; numerator: number | 'c'; units: number | 'c' }>;
  target: { value: number; amberWithin: number | null; status: 'green' | 'amber' | 'red' | 'none' } | null;
  asKnownAt: string;
  lineage: string;
}

export interface LineageEvent {
  eventId: string;
  type: string;
  position: number;
  recordedAt: string;
  occurredOn: string | null;
  source: string | null;
  sourceEventId: string | null;
  transport: unknown;
}

export interface LineageItem {
  unitKey: string;
  unitDate: string;
  counted: MetricUnit['counted'];
  reason: string | null;
  dataQuality: boolean;
  events: LineageEvent[];
}

export interface QueryOptions {
  asKnownAt?: Date;
  suppression?: boolean;
}

/** The position an answer is computed at, and the instant it stands for. */
interface Snapshot {
  asOf: number | null;
  position: number;
  asKnownAt: string;
}

/**
 * Answers metric questions from the read model: values, series, lineage, the evidence pack.
 * With `asKnownAt`, every answer is computed from the rows valid at the last position recorded
 * at or before that instant, which is exactly what a replay of the log up to it would give.
 */
export class MetricQueries {
  constructor(
    private readonly store: EventStore,
    private readonly readModel: MetricsReadModel,
    private readonly catalogue: MetricCatalogue,
    private readonly settingsOf: (boardId: string) => BoardSettings,
    private readonly waitForPosition: (position: number) => Promise<void> = async () => undefined,
  ) {}

  async boards(asKnownAt?: Date) {
    const snapshot = await this.snapshot(asKnownAt);
    return this.readModel.boards(snapshot.asOf);
  }

  async boardMetrics(boardId: string, periodLabel: string, options: QueryOptions = {}) {
    const period = parsePeriod(periodLabel);
    const snapshot = await this.snapshot(options.asKnownAt);
    const board = await this.boardFactsOrThrow(boardId, snapshot);
    const metrics: MetricValue[] = [];
    for (const definition of this.catalogue.all()) {
      if (!isDefinedFor(definition, period)) continue;
      metrics.push(await this.value(definition, board, period, snapshot, options));
    }
    return { boardId, period: view(period), asKnownAt: snapshot.asKnownAt, metrics };
  }

  async metric(boardId: string, code: string, periodLabel: string, options: QueryOptions = {}): Promise<MetricValue> {
    const definition = this.definitionOrThrow(code);
    const period = parsePeriod(periodLabel);
    if (!isDefinedFor(definition, period)) throw new MetricNotDefinedForPeriod(code, period.label, definition.periodKinds ?? []);
    const snapshot = await this.snapshot(options.asKnownAt);
    const board = await this.boardFactsOrThrow(boardId, snapshot);
    return this.value(definition, board, period, snapshot, options);
  }

  async series(boardId: string, code: string, from: string, to: string, granularity: PeriodGranularity, options: QueryOptions = {}) {
    const definition = this.definitionOrThrow(code);
    const snapshot = await this.snapshot(options.asKnownAt);
    const board = await this.boardFactsOrThrow(boardId, snapshot);
    const values: MetricValue[] = [];
    for (const period of periodsBetween(from, to, granularity)) {
      if (isDefinedFor(definition, period)) values.push(await this.value(definition, board, period, snapshot, options));
    }
    return { boardId, code, granularity, asKnownAt: snapshot.asKnownAt, values };
  }

  async lineage(boardId: string, code: string, periodLabel: string, cursor: string | null, limit: number, options: QueryOptions = {}) {
    const definition = this.definitionOrThrow(code);
    const period = parsePeriod(periodLabel);
    const snapshot = await this.snapshot(options.asKnownAt);
    const board = await this.boardFactsOrThrow(boardId, snapshot);
    const after = decodeCursor(cursor);
    const page = await this.unitsPage(definition, board, period, snapshot, after, limit + 1);
    const hasMore = page.length > limit;
    const units = page.slice(0, limit);
    const events = await this.store.readPositions(units.flatMap((unit) => unit.positions));
    const byPosition = new Map(events.map((event) => [event.position, lineageEvent(event)]));
    const items: LineageItem[] = units.map((unit) => ({
      unitKey: unit.unitKey,
      unitDate: unit.unitDate,
      counted: unit.counted,
      reason: unit.reason,
      dataQuality: unit.dataQuality ?? false,
      events: unit.positions.map((position) => byPosition.get(position)).filter((event): event is LineageEvent => event !== undefined),
    }));
    const last = units.at(-1);
    return {
      boardId,
      code,
      period: view(period),
      asKnownAt: snapshot.asKnownAt,
      items,
      nextCursor: hasMore && last ? encodeCursor({ unitDate: last.unitDate, unitKey: last.unitKey }) : null,
    };
  }

  /** The seven factors, each with its metrics, target status and trend against the previous period. */
  async evidencePack(boardId: string, periodLabel: string, options: QueryOptions = {}) {
    const period = parsePeriod(periodLabel);
    const previous = previousPeriod(period);
    const snapshot = await this.snapshot(options.asKnownAt);
    const board = await this.boardFactsOrThrow(boardId, snapshot);
    const boardName = String(board.facts.find((fact) => fact.type === 'BoardEstablished')?.data.name ?? boardId);
    const factors = [];
    for (const factor of FACTORS) {
      const metrics = [];
      for (const definition of this.catalogue.byFactor(factor)) {
        if (!isDefinedFor(definition, period)) continue;
        const current = await this.value(definition, board, period, snapshot, options);
        const before = await this.value(definition, board, previous, snapshot, options);
        metrics.push({
          ...current,
          previous: { period: view(previous), value: before.value },
          trend: trendOf(definition, current.value, before.value),
        });
      }
      factors.push({ factor, metrics });
    }
    return { boardId, boardName, period: view(period), previousPeriod: view(previous), asKnownAt: snapshot.asKnownAt, factors };
  }

  private async value(
    definition: MetricDefinition,
    board: BoardFacts,
    period: Period,
    snapshot: Snapshot,
    options: QueryOptions,
  ): Promise<MetricValue> {
    const figures = aggregate(definition, await this.totals(definition, board, period, snapshot));
    const target = targetFor(board, definition.code, period);
    const status = target ? ragStatus(figures.value, target, definition.direction) : 'none';
    const published = options.suppression ? publish(figures, definition) : figures;
    const query = new URLSearchParams({ period: period.label });
    if (snapshot.asOf !== null) query.set('asKnownAt', snapshot.asKnownAt);
    return {
      code: definition.code,
      title: definition.title,
      factor: definition.factor,
      unit: definition.unit,
      direction: definition.direction,
      period: view(period),
      value: published.value,
      numerator: published.numerator,
      denominator: published.denominator,
      ...('suppressed' in published && published.suppressed ? { suppressed: true } : {}),
      ...(published.breakdowns.length > 0 ? { breakdowns: published.breakdowns } : {}),
      target: target ? { value: target.value, amberWithin: target.amberWithin, status } : null,
      asKnownAt: snapshot.asKnownAt,
      lineage: `/v1/boards/${encodeURIComponent(board.boardId)}/metrics/${definition.code}/lineage?${query.toString()}`,
    };
  }

  private async totals(definition: MetricDefinition, board: BoardFacts, period: Period, snapshot: Snapshot): Promise<UnitTotal[]> {
    const fromBoard = totalsOf(this.boardUnits(definition.code, board, period));
    if (definition.scope === 'board' && definition.code !== 'DQ-SEQUENCE') return fromBoard;
    const fromCases = await this.readModel.unitTotals(board.boardId, definition.code, period, snapshot.asOf);
    return [...fromCases, ...fromBoard];
  }

  private boardUnits(code: string, board: BoardFacts, period: Period): MetricUnit[] {
    return computeBoardUnits(board, period, this.settingsOf(board.boardId)).filter((unit) => unit.metricCode === code);
  }

  private async unitsPage(
    definition: MetricDefinition,
    board: BoardFacts,
    period: Period,
    snapshot: Snapshot,
    after: UnitCursor | null,
    limit: number,
  ) {
    const fromBoard = this.boardUnits(definition.code, board, period)
      .filter((unit) => after === null || compareUnits(unit, after) > 0)
      .sort(compareUnits);
    const fromCases =
      definition.scope === 'board' && definition.code !== 'DQ-SEQUENCE'
        ? []
        : await this.readModel.unitsPage(board.boardId, definition.code, period, snapshot.asOf, after, limit);
    return [...fromCases, ...fromBoard].sort(compareUnits).slice(0, limit);
  }

  private async snapshot(asKnownAt?: Date): Promise<Snapshot> {
    if (asKnownAt) {
      const position = await this.store.positionAt(asKnownAt);
      await this.waitForPosition(position);
      return { asOf: position, position, asKnownAt: asKnownAt.toISOString() };
    }
    const position = await this.readModel.checkpoint();
    const [event] = position > 0 ? await this.store.readPositions([position]) : [];
    return { asOf: null, position, asKnownAt: event?.recordedAt ?? new Date(0).toISOString() };
  }

  private async boardFactsOrThrow(boardId: string, snapshot: Snapshot): Promise<BoardFacts> {
    const board = await this.readModel.boardFacts(boardId, snapshot.asOf);
    if (!board.facts.some((fact) => fact.type === 'BoardEstablished')) throw new UnknownBoard(boardId);
    return board;
  }

  private definitionOrThrow(code: string): MetricDefinition {
    const definition = this.catalogue.get(code);
    if (!definition) throw new MetricNotFound(code);
    return definition;
  }
}

function isDefinedFor(definition: MetricDefinition, period: Period): boolean {
  return !definition.periodKinds || definition.periodKinds.includes(period.kind);
}

function view(period: Period): PeriodView {
  return { label: period.label, from: period.from, to: period.to };
}

function compareUnits(a: { unitDate: string; unitKey: string }, b: { unitDate: string; unitKey: string }): number {
  return a.unitDate < b.unitDate ? -1 : a.unitDate > b.unitDate ? 1 : a.unitKey < b.unitKey ? -1 : a.unitKey > b.unitKey ? 1 : 0;
}

function lineageEvent(event: RecordedEvent): LineageEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    position: event.position,
    recordedAt: event.recordedAt,
    occurredOn: businessDateOf(event.data),
    source: typeof event.metadata.source === 'string' ? event.metadata.source : null,
    sourceEventId: typeof event.metadata.sourceEventId === 'string' ? event.metadata.sourceEventId : null,
    transport: event.metadata.transport ?? null,
  };
}

function trendOf(definition: MetricDefinition, now: MetricValue['value'], before: MetricValue['value']) {
  if (typeof now !== 'number' || typeof before !== 'number' || definition.direction === 'contextual') return 'not-comparable';
  if (now === before) return 'unchanged';
  const better = definition.direction === 'higher-is-better' ? now > before : now < before;
  return better ? 'improving' : 'worsening';
}

function publish(figures: MetricFigures, definition: MetricDefinition) {
  const published = suppress(
    { value: figures.value, numerator: figures.numerator, denominator: figures.denominator },
    definition.aggregation,
  );
  return {
    ...published,
    breakdowns: figures.breakdowns.map((b) => ({ key: b.key, numerator: smallCount(b.numerator), units: smallCount(b.units) })),
  };
}

function smallCount(n: number): number | 'c' {
  return n >= 1 && n <= 5 ? 'c' : n;
}

export function encodeCursor(cursor: UnitCursor): string {
  return Buffer.from(JSON.stringify([cursor.unitDate, cursor.unitKey])).toString('base64url');
}

export function decodeCursor(cursor: string | null): UnitCursor | null {
  if (!cursor) return null;
  try {
    const [unitDate, unitKey] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof unitDate === 'string' && typeof unitKey === 'string') return { unitDate, unitKey };
  } catch {
    // fall through to the error below
  }
  throw new InvalidCursor(cursor);
}
