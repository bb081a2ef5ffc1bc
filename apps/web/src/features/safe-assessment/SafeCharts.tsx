import type { SafeGroupAggregate } from '@aeolus/contracts';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { histogramRows, type radarRows, type ScoreRow } from './safe-view.js';

/**
 * The assessment's charts. Each is a picture for sighted readers (hidden from assistive technology, not
 * focusable); the same figures are always in a table beside it, which is what screen readers read.
 */

// Colours from the design tokens (SVG presentation attributes do not resolve CSS variables).
const TEAL = '#0f766e';
const NAVY = '#1a5288';
const GREY = '#6b7787';
/** Legend words in text colour: pale swatches (target, level 0) would be unreadable as text. */
const legendText = (value: string) => <span style={{ color: '#3d4a5c' }}>{value}</span>;
/** Maturity levels 0–4, light to dark so the order reads without colour names. */
const LEVEL_COLOURS = ['#dde3ea', '#f2b630', '#6b9fd4', '#1d5fa8', '#0b2e4f'] as const;

/** Pillars are named by number on the chart; their full names are in the table below it. */
export function PillarRadar({ rows }: { rows: ReturnType<typeof radarRows> }) {
  const { t } = useTranslation();
  return (
    <div className="safe-chart" aria-hidden="true" data-testid="safe-radar">
      <ResponsiveContainer width="100%" height={360}>
        <RadarChart data={rows} outerRadius="80%" accessibilityLayer={false}>
          <PolarGrid stroke="#c9d1dc" />
          <PolarAngleAxis
            dataKey="id"
            tick={{ fill: '#3d4a5c', fontSize: 13 }}
            tickFormatter={(id: string) => t('safeAssessment.results.pillarTick', { id })}
          />
          {/* Between pillar 1 (top) and pillar 2, so the scale does not sit on an axis label. */}
          <PolarRadiusAxis domain={[0, 100]} tickCount={5} tick={{ fill: GREY, fontSize: 11 }} angle={30} />
          <Radar
            name={t('safeAssessment.results.target')}
            dataKey="targetScore"
            stroke={GREY}
            strokeDasharray="4 3"
            fill="none"
            isAnimationActive={false}
          />
          <Radar
            name={t('safeAssessment.results.score')}
            dataKey="score"
            stroke={TEAL}
            fill={TEAL}
            fillOpacity={0.35}
            isAnimationActive={false}
          />
          <Legend formatter={legendText} />
        </RadarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function StandardBars({ rows }: { rows: readonly ScoreRow[] }) {
  const { t } = useTranslation();
  const data = rows.map((r) => ({ id: r.id, score: r.percent ?? 0, target: r.target ?? 100 }));
  return (
    <div className="safe-chart" aria-hidden="true" data-testid="safe-standard-bars">
      <ResponsiveContainer width="100%" height={Math.max(240, data.length * 24 + 80)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#dde3ea" />
          <XAxis type="number" domain={[0, 100]} tick={{ fill: GREY, fontSize: 11 }} />
          <YAxis
            type="category"
            dataKey="id"
            width={44}
            tick={{ fill: '#3d4a5c', fontSize: 12 }}
            interval={0}
          />
          <Tooltip cursor={{ fill: '#edf1f5' }} />
          <Legend formatter={legendText} />
          <Bar
            dataKey="score"
            name={t('safeAssessment.results.score')}
            fill={NAVY}
            barSize={10}
            isAnimationActive={false}
          />
          <Bar
            dataKey="target"
            name={t('safeAssessment.results.target')}
            fill="#b8c2cf"
            barSize={4}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Members at each maturity level, standard by standard (stacked), for one group. */
export function DistributionChart({ aggregate }: { aggregate: SafeGroupAggregate }) {
  const { i18n } = useTranslation();
  const data = histogramRows(aggregate, i18n.language);
  return (
    <div className="safe-chart" aria-hidden="true" data-testid="safe-distribution">
      <ResponsiveContainer width="100%" height={Math.max(240, data.length * 22 + 80)}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#dde3ea" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: GREY, fontSize: 11 }} />
          <YAxis
            type="category"
            dataKey="id"
            width={44}
            tick={{ fill: '#3d4a5c', fontSize: 12 }}
            interval={0}
          />
          <Legend formatter={legendText} />
          {LEVEL_COLOURS.map((colour, level) => (
            <Bar
              key={colour}
              dataKey={`level${level}`}
              name={String(level)}
              stackId="levels"
              fill={colour}
              barSize={14}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
