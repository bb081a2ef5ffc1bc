import type { CompilationProgramme } from '@aeolus/contracts';
import { type ExportColumn, rowsToCsv, rowsToXlsx } from '../shared/table-export.js';

/**
 * The export columns, one definition for CSV and XLSX so that the two never disagree. The shared writers
 * guard against CSV formula injection: curated text comes from outside the platform.
 */
const COLUMNS: ExportColumn<CompilationProgramme>[] = [
  { header: 'id', value: (p) => p.id },
  { header: 'country', value: (p) => p.country },
  { header: 'country_name', value: (p) => p.countryName.en },
  { header: 'region', value: (p) => p.region },
  { header: 'name', value: (p) => p.name },
  { header: 'administration', value: (p) => p.administration },
  { header: 'type', value: (p) => p.type },
  { header: 'status', value: (p) => p.status },
  { header: 'launch_year', value: (p) => p.launchYear },
  { header: 'aeo_count', value: (p) => p.aeoCount },
  { header: 'live', value: (p) => (p.isLive ? 'yes' : 'no') },
  { header: 'operator_roles', value: (p) => p.operatorRoles.join('; ') },
  { header: 'benefits', value: (p) => p.benefits.join('; ') },
  {
    header: 'reassessment',
    value: (p) =>
      p.reassessment
        ? `${p.reassessment.kind}${p.reassessment.years ? ` ${p.reassessment.years}y` : ''}`
        : null,
  },
  {
    header: 'mras',
    value: (p) =>
      p.mras.map((m) => `${m.partnerCountry} ${m.status}${m.signedOn ? ` ${m.signedOn}` : ''}`).join('; '),
  },
  { header: 'website', value: (p) => p.website },
  { header: 'sources', value: (p) => p.sources.map((s) => s.url).join(' ') },
];

export function programmesToCsv(programmes: readonly CompilationProgramme[]): string {
  return rowsToCsv(COLUMNS, programmes);
}

export function programmesToXlsx(programmes: readonly CompilationProgramme[]): Promise<Buffer> {
  return rowsToXlsx(COLUMNS, programmes, 'AEO programmes');
}
