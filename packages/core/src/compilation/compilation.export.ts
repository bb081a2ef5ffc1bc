import type { CompilationProgramme } from '@aeolus/contracts';
import writeExcelFile from 'write-excel-file/node';

/** The export columns, one definition for CSV and XLSX so that the two never disagree. */
const COLUMNS: { header: string; value: (p: CompilationProgramme) => string | number | null }[] = [
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

// RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so that spreadsheets do not run it as a
// formula (CSV injection), since curated text comes from outside the platform.
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function programmesToCsv(programmes: readonly CompilationProgramme[]): string {
  const lines = [
    COLUMNS.map((c) => c.header).join(','),
    ...programmes.map((p) => COLUMNS.map((c) => csvCell(c.value(p))).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export async function programmesToXlsx(programmes: readonly CompilationProgramme[]): Promise<Buffer> {
  const header = COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const rows = programmes.map((p) => COLUMNS.map((c) => c.value(p)));
  return writeExcelFile([header, ...rows], { sheet: 'AEO programmes' }).toBuffer();
}
