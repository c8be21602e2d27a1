import type { MetricQueries } from '../query/metric-queries';

export type EvidencePack = Awaited<ReturnType<MetricQueries['evidencePack']>>;

const FACTOR_TITLES: Record<string, string> = {
  leadership: 'Leadership',
  accountability: 'Accountability',
  funding: 'Funding',
  'strategic-direction': 'Strategic direction',
  structures: 'Structures',
  'performance-management': 'Performance management',
  'quality-assurance': 'Quality assurance',
};

const CSV_COLUMNS = [
  'factor',
  'code',
  'title',
  'period',
  'value',
  'numerator',
  'denominator',
  'target',
  'status',
  'previous_period',
  'previous_value',
  'trend',
  'as_known_at',
] as const;

/** One row per metric, in factor order, for spreadsheets (RFC 4180 quoting). */
export function evidencePackCsv(pack: EvidencePack): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const { factor, metrics } of pack.factors) {
    for (const metric of metrics) {
      rows.push([
        factor,
        metric.code,
        metric.title,
        metric.period.label,
        String(metric.value ?? ''),
        String(metric.numerator ?? ''),
        String(metric.denominator ?? ''),
        metric.target ? String(metric.target.value) : '',
        metric.target?.status ?? 'none',
        metric.previous.period.label,
        String(metric.previous.value ?? ''),
        metric.trend,
        metric.asKnownAt,
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A printable page: the seven factors, each with its metrics, targets, status and trend. */
export function evidencePackHtml(pack: EvidencePack): string {
  const sections = pack.factors
    .map(({ factor, metrics }) => {
      const rows = metrics
        .map(
          (m) => `<tr><td><code>${esc(m.code)}</code></td><td>${esc(m.title)}</td><td class="num">${esc(formatValue(m.value))}</td>
<td class="num">${esc(String(m.numerator ?? ''))}</td><td class="num">${esc(String(m.denominator ?? '—'))}</td>
<td class="num">${m.target ? esc(formatValue(m.target.value)) : '—'}</td><td class="status ${esc(m.target?.status ?? 'none')}">${esc(m.target?.status ?? 'none')}</td>
<td class="num">${esc(formatValue(m.previous.value))}</td><td>${esc(m.trend)}</td></tr>`,
        )
        .join('\n');
      const body = metrics.length > 0 ? rows : '<tr><td colspan="9">No metric is defined for this factor and period.</td></tr>';
      return `<section><h2>${esc(FACTOR_TITLES[factor] ?? factor)}</h2>
<table><thead><tr><th>Code</th><th>Metric</th><th>Value</th><th>Numerator</th><th>Denominator</th><th>Target</th><th>Status</th><th>${esc(pack.previousPeriod.label)}</th><th>Trend</th></tr></thead>
<tbody>${body}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence pack: ${esc(pack.boardName)}, ${esc(pack.period.label)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}.num{text-align:right}
.status.green{background:#d7f0d8}.status.amber{background:#fbe7b5}.status.red{background:#f6c9c9}
@media print{body{margin:0}section{page-break-inside:avoid}}
</style></head><body>
<h1>Evidence pack: ${esc(pack.boardName)}</h1>
<p>Period ${esc(pack.period.label)} (${esc(pack.period.from)} to ${esc(pack.period.to)}), compared with ${esc(pack.previousPeriod.label)}.
Figures as known at ${esc(pack.asKnownAt)}. Every value can be traced to its source events through the lineage endpoint.</p>
${sections}
</body></html>
`;
}

function formatValue(value: number | string | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? String(value) : value.toFixed(3);
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
