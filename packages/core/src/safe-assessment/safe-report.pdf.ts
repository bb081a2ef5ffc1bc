import type { SafePlanAction, SafeResults } from '@aeolus/contracts';
import { eq } from 'drizzle-orm';
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { CoreContext } from '../context.js';
import type { Actor } from '../identity/actor.js';
import { printable } from '../shared/pdf-text.js';
import { safeCampaigns } from './safe-assessment.tables.js';
import { findOrganisation } from './safe-campaign.access.js';
import { listSafePlan } from './safe-plan.service.js';
import { getSafeResponse, getSafeResults } from './safe-responses.service.js';

/**
 * The member report of one SAFE assessment response (PDF, English or French): overall maturity, a radar
 * chart by SAFE pillar (drawn with PDF paths), scores per standard with their weights, the ranked gaps
 * with recommended actions, and the improvement plan.
 */
type Lang = 'en' | 'fr';

const NAVY = rgb(0.06, 0.17, 0.36);
const GREY = rgb(0.35, 0.38, 0.42);
const LIGHT = rgb(0.82, 0.85, 0.9);
const TEAL = rgb(0.05, 0.5, 0.55);
const MARGIN = 50;
const A4: [number, number] = [595.28, 841.89];

const TEXT = {
  en: {
    title: 'SAFE implementation assessment',
    overall: 'Overall maturity',
    radar: 'Maturity by SAFE pillar (0–100)',
    pillar: 'Pillar',
    standards: 'Scores by standard: score / target (weight)',
    legend: 'Filled: score. Dashed: target.',
    points: 'points',
    gaps: 'Priority gaps (weight × distance to target)',
    actions: 'Recommended',
    plan: 'Improvement plan',
    noPlan: 'No plan actions yet.',
    noGaps: 'No gaps: every standard meets its target.',
    trend: 'Against the previous cycle',
    status: 'Status',
    due: 'due',
    notScored: 'not scored',
    generated: 'Generated',
    statuses: { planned: 'planned', in_progress: 'in progress', done: 'done', dropped: 'dropped' },
  },
  fr: {
    title: 'Évaluation de la mise en œuvre SAFE',
    overall: 'Maturité globale',
    radar: 'Maturité par pilier SAFE (0–100)',
    pillar: 'Pilier',
    standards: 'Scores par norme : score / cible (poids)',
    legend: 'Surface pleine : score. Pointillés : cible.',
    points: 'points',
    gaps: 'Écarts prioritaires (poids × distance à la cible)',
    actions: 'Recommandé',
    plan: "Plan d'amélioration",
    noPlan: "Aucune action au plan pour l'instant.",
    noGaps: 'Aucun écart : chaque norme atteint sa cible.',
    trend: 'Par rapport au cycle précédent',
    status: 'Statut',
    due: 'échéance',
    notScored: 'non noté',
    generated: 'Généré le',
    statuses: { planned: 'prévue', in_progress: 'en cours', done: 'réalisée', dropped: 'abandonnée' },
  },
} as const;

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: { regular: PDFFont; bold: PDFFont },
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  ensure(height: number) {
    if (this.y - height < MARGIN) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }
  /** Writes text wrapped to the page width. */
  line(text: string, options: { size?: number; bold?: boolean; indent?: number; color?: typeof NAVY } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const x = MARGIN + (options.indent ?? 0);
    const width = A4[0] - MARGIN - x;
    const words = printable(text).split(/\s+/);
    let current = '';
    const lines: string[] = [];
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && current) {
        lines.push(current);
        current = word;
      } else current = next;
    }
    if (current) lines.push(current);
    for (const l of lines) {
      this.ensure(size + 4);
      this.page.drawText(l, { x, y: this.y - size, size, font, color: options.color ?? NAVY });
      this.y -= size + 4;
    }
  }
  /** A section heading, kept with the first lines that follow it (never alone at the foot of a page). */
  heading(text: string) {
    this.ensure(12 + 4 + 3 * 13);
    this.line(text, { size: 12, bold: true });
  }
  gap(points: number) {
    this.y -= points;
  }
}

/** A radar (spider) chart: one axis per pillar, rings at 25/50/75/100, the member's polygon filled. */
function radar(
  w: Writer,
  axes: { label: string; percent: number | null; targetPercent: number | null }[],
  legend: string,
) {
  const size = 200;
  w.ensure(size + 60);
  const cx = A4[0] / 2;
  const cy = w.y - size / 2 - 20;
  const r = size / 2;
  const n = Math.max(axes.length, 3);
  const point = (i: number, fraction: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return { x: r * fraction * Math.cos(angle), y: r * fraction * Math.sin(angle) };
  };
  // drawSvgPath: SVG coordinates (y grows downwards) from the given origin.
  const path = (fraction: (i: number) => number) =>
    `${Array.from({ length: n }, (_, i) => {
      const p = point(i, fraction(i));
      return `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(2)} ${p.y.toFixed(2)}`;
    }).join(' ')} Z`;
  for (const ring of [0.25, 0.5, 0.75, 1]) {
    w.page.drawSvgPath(
      path(() => ring),
      { x: cx, y: cy, borderColor: LIGHT, borderWidth: 0.8 },
    );
  }
  for (let i = 0; i < n; i++) {
    const p = point(i, 1);
    w.page.drawSvgPath(`M 0 0 L ${p.x.toFixed(2)} ${p.y.toFixed(2)}`, {
      x: cx,
      y: cy,
      borderColor: LIGHT,
      borderWidth: 0.8,
    });
  }
  const fraction = (value: number | null | undefined) => Math.max(0, Math.min(1, (value ?? 0) / 100));
  w.page.drawSvgPath(
    path((i) => fraction(axes[i]?.percent)),
    { x: cx, y: cy, color: TEAL, opacity: 0.35, borderColor: TEAL, borderWidth: 1.5 },
  );
  w.page.drawSvgPath(
    path((i) => fraction(axes[i]?.targetPercent)),
    { x: cx, y: cy, borderColor: GREY, borderWidth: 1, borderDashArray: [4, 3] },
  );
  axes.forEach((axis, i) => {
    const p = point(i, 1.1);
    const label = printable(`${axis.label} ${axis.percent === null ? '–' : Math.round(axis.percent)}`);
    const width = w.fonts.bold.widthOfTextAtSize(label, 9);
    // Anchor the label away from the chart: centred at the top, left or right of the axis end elsewhere.
    const x = Math.abs(p.x) < 1 ? cx + p.x - width / 2 : p.x > 0 ? cx + p.x + 4 : cx + p.x - width - 4;
    w.page.drawText(label, { x, y: cy - p.y - 4, size: 9, font: w.fonts.bold, color: NAVY });
  });
  // Continue below the lowest point of the chart (SVG y grows downwards), then the legend.
  const lowest = Math.max(...Array.from({ length: n }, (_, i) => point(i, 1.1).y));
  w.y = cy - lowest - 12;
  const legendWidth = w.fonts.regular.widthOfTextAtSize(legend, 8);
  w.page.drawText(printable(legend), {
    x: cx - legendWidth / 2,
    y: w.y - 8,
    size: 8,
    font: w.fonts.regular,
    color: GREY,
  });
  w.y -= 24;
}

const pct = (value: number | null, t: (typeof TEXT)[Lang]) =>
  value === null ? t.notScored : `${Math.round(value * 10) / 10}`;

export function buildSafeReportPdf(input: {
  lang: Lang;
  organisationName: string;
  campaignName: string;
  results: SafeResults;
  plan: readonly SafePlanAction[];
  now?: Date;
}): Promise<Uint8Array> {
  return (async () => {
    const { lang, results } = input;
    const t = TEXT[lang];
    const doc = await PDFDocument.create();
    doc.setTitle(`${t.title} – ${input.organisationName}`);
    doc.setLanguage(lang);
    const fonts = {
      regular: await doc.embedFont(StandardFonts.Helvetica),
      bold: await doc.embedFont(StandardFonts.HelveticaBold),
    };
    const w = new Writer(doc, fonts);
    w.line(t.title, { size: 20, bold: true });
    w.line(`${input.organisationName} — ${input.campaignName}`, { size: 12 });
    w.line(`${t.generated} ${(input.now ?? new Date()).toISOString().slice(0, 10)}`, {
      size: 8,
      color: GREY,
    });
    w.gap(10);
    const overall = results.card.overall;
    w.line(`${t.overall}: ${pct(overall.percent, t)} / 100`, { size: 14, bold: true });
    if (results.comparison) {
      const o = results.comparison.overall;
      const arrow = o.trend === 'up' ? '+' : o.trend === 'down' ? '' : '±';
      w.line(
        `${t.trend} (${results.comparison.previousCampaignName}): ${o.delta === null ? '–' : `${arrow}${o.delta} ${t.points}`}`,
        { size: 10, color: GREY },
      );
    }
    w.gap(8);
    w.heading(t.radar);
    radar(
      w,
      results.card.dimensions.pillar.map((p) => ({
        label: `${t.pillar} ${p.id}`,
        percent: p.percent,
        targetPercent: p.targetPercent,
      })),
      t.legend,
    );

    w.heading(t.standards);
    for (const s of results.card.dimensions.standard) {
      // Standard labels begin with their number (e.g. "1.4 Risk management systems").
      w.line(`${s.label[lang]}: ${pct(s.percent, t)} / ${pct(s.targetPercent, t)} (${s.totalWeight})`, {
        size: 9,
        indent: 8,
      });
    }
    w.gap(8);
    w.heading(t.gaps);
    if (results.priorities.length === 0) w.line(t.noGaps, { size: 9, indent: 8 });
    for (const gap of results.priorities.slice(0, 12)) {
      w.line(
        `${gap.rank}. ${gap.label[lang]} — ${pct(gap.percent, t)} / ${pct(gap.targetPercent, t)} (${pct(gap.priority, t)})`,
        {
          size: 9,
          bold: true,
          indent: 8,
        },
      );
      const action = gap.recommendedActions[0];
      if (action) w.line(`${t.actions}: ${action.title[lang]}`, { size: 8, indent: 20, color: GREY });
    }
    w.gap(8);
    w.heading(t.plan);
    if (input.plan.length === 0) w.line(t.noPlan, { size: 9, indent: 8 });
    for (const action of input.plan) {
      const gap = action.gapLabel?.[lang] ?? action.gapId;
      const link = gap ? `[${gap}] ` : '';
      w.line(`${link}${action.title} — ${action.owner}, ${t.due} ${action.dueDate}`, { size: 9, indent: 8 });
      w.line(
        `${t.status}: ${t.statuses[action.status]}${action.progressNote ? ` — ${action.progressNote}` : ''}`,
        {
          size: 8,
          indent: 20,
          color: GREY,
        },
      );
    }
    return doc.save();
  })();
}

export async function renderSafeReportPdf(
  ctx: CoreContext,
  actor: Actor,
  responseId: string,
  lang: Lang,
): Promise<Uint8Array> {
  const response = await getSafeResponse(ctx, actor, responseId);
  const results = await getSafeResults(ctx, actor, responseId);
  const [org, plan, campaignName] = await Promise.all([
    findOrganisation(ctx.db, response.organisationId),
    listSafePlan(ctx, actor, { organisationId: response.organisationId }),
    campaignNameOf(ctx, response.campaignId),
  ]);
  return buildSafeReportPdf({
    lang,
    organisationName: org?.name ?? response.organisationName,
    campaignName,
    results,
    plan,
  });
}

async function campaignNameOf(ctx: CoreContext, id: string): Promise<string> {
  const [row] = await ctx.db
    .select({ name: safeCampaigns.name })
    .from(safeCampaigns)
    .where(eq(safeCampaigns.id, id));
  return row?.name ?? '';
}
