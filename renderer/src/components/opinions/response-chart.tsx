// 各季度按时回应率 as SVG bars, drawn the way the dashboard draws its quarter completion: a pale full
// bar behind, the share in front, the figure above. No chart library; it loads with the 舆情 page.
import type { ResponseStatsRow } from '../../../../common/opinion-types';
import type { Translate } from '../../i18n/use-t';
import { percentOf } from './response-figures-text';

export function ResponseChart({ rows, t }: { rows: readonly ResponseStatsRow[]; t: Translate }) {
  const width = 320;
  const height = 160;
  const barW = 44;
  const gap = (width - barW * rows.length) / (rows.length + 1);
  const top = 20;
  const bottom = 24;
  const plot = height - top - bottom;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      role="img"
      aria-label={t('opinions.figures.chart')}
      data-testid="opinion-chart"
    >
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} stroke="#d9d9d9" />
      {rows.map((r, i) => {
        const x = gap + i * (barW + gap);
        const h = Math.round(plot * (r.share ?? 0));
        const quarter = Number(r.key.slice(-1));
        return (
          <g key={r.key} data-testid={`opinion-chart-q${quarter}`}>
            <rect x={x} y={top} width={barW} height={plot} fill="#f0f5ff" rx={2} />
            <rect x={x} y={top + plot - h} width={barW} height={h} fill="#1677ff" rx={2} />
            <text x={x + barW / 2} y={top - 6} textAnchor="middle" fontSize={11} fill="#595959">
              {r.share === null ? t('common.none') : t('opinions.figures.chartValue', { percent: percentOf(r.share) })}
            </text>
            <text x={x + barW / 2} y={height - 7} textAnchor="middle" fontSize={12} fill="#262626">
              {t('opinions.figures.quarter', { quarter })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
