import { isAssignedCountryCode } from '@aeolus/contracts';
import { describe, expect, it } from 'vitest';
import { checkCompilation, compilationStatistics, loadCuratedCompilation } from './compilation.data.js';
import {
  AEO_HEADINGS,
  AeoProgramme,
  AeoProgrammeFile,
  MraFile,
  MutualRecognitionArrangement,
  PartialDate,
  WCO_REGIONS,
} from './compilation.schemas.js';
import mrasJson from './data/mras.json' with { type: 'json' };
import programmesJson from './data/programmes.json' with { type: 'json' };

const compilation = loadCuratedCompilation();
const programme = (code: string) => compilation.programmes.find((p) => p.jurisdiction === code)!;

describe('the curated AEO compilation data', () => {
  it('validates against its schemas and cross-reference rules', () => {
    expect(AeoProgrammeFile.safeParse(programmesJson).error?.issues ?? []).toEqual([]);
    expect(MraFile.safeParse(mrasJson).error?.issues ?? []).toEqual([]);
    expect(checkCompilation(compilation.programmes, compilation.arrangements)).toEqual([]);
    expect(loadCuratedCompilation()).toBe(compilation);
  });

  it('covers the well-known programmes the brief asks for, one per jurisdiction', () => {
    const codes = compilation.programmes.map((p) => p.jurisdiction);
    expect(codes).toEqual(
      expect.arrayContaining(['EU', 'US', 'CN', 'JP', 'KR', 'SG', 'CA', 'IN', 'NZ', 'AU']),
    );
    expect(new Set(codes).size).toBe(codes.length);
    expect(programme('US').name).toMatch(/CTPAT/);
    expect(programme('SG').name).toMatch(/STP-Plus/);
    expect(programme('CA').name).toMatch(/Partners in Protection/);
    expect(programme('NZ').name).toMatch(/Secure Exports Scheme/);
    expect(programme('AU').name).toMatch(/Trusted Trader/);
  });

  it('uses assigned ISO 3166-1 codes, with the EU as one customs union listing its member states', () => {
    for (const p of compilation.programmes) {
      if (p.jurisdiction === 'EU') continue;
      expect(isAssignedCountryCode(p.jurisdiction), p.jurisdiction).toBe(true);
    }
    const eu = programme('EU');
    expect(eu.memberStates).toHaveLength(27);
    expect(eu.memberStates!.every(isAssignedCountryCode)).toBe(true);
    const listedSeparately = compilation.programmes.filter((p) => eu.memberStates!.includes(p.jurisdiction));
    expect(listedSeparately).toEqual([]);
  });

  it('assigns every programme a WCO region', () => {
    for (const p of compilation.programmes) expect(WCO_REGIONS, p.id).toContain(p.wcoRegion);
    expect(programme('IL').wcoRegion).toBe('europe');
    expect(programme('JO').wcoRegion).toBe('mena');
    expect(programme('HK').wcoRegion).toBe('asia_pacific');
  });

  it('names a source and a public website for every entry, and headings only from the 13 SAFE AEO headings', () => {
    for (const p of compilation.programmes) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      expect(p.website, p.id).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[\w./-]*)?$/);
      expect(
        Object.keys(p.criteria).every((h) => AEO_HEADINGS.includes(h)),
        p.id,
      ).toBe(true);
      // Baseline criteria (not the programme's own text) must be flagged as such.
      if (p.criteria['1']?.en.startsWith('No serious customs offences'))
        expect(p.unverified).toContain('criteria');
    }
    for (const m of compilation.arrangements) expect(m.sources.length, m.id).toBeGreaterThan(0);
  });

  it('lists each MRA once, between programmes that exist, and derives a symmetric view for every party', () => {
    for (const p of compilation.programmes) {
      for (const mra of p.mras) {
        const back = programme(mra.partner).mras.find((m) => m.partner === p.jurisdiction);
        expect(back, `${p.jurisdiction}–${mra.partner}`).toBeDefined();
        expect([back?.arrangementId, back?.status, back?.signed]).toEqual([
          mra.arrangementId,
          mra.status,
          mra.signed,
        ]);
      }
    }
    expect(programme('US').mras.map((m) => m.partner)).toEqual(
      expect.arrayContaining(['NZ', 'CA', 'JO', 'JP', 'KR', 'EU', 'IL', 'MX', 'SG', 'DO', 'PE']),
    );
    expect(programme('NZ').mras.find((m) => m.partner === 'US')).toMatchObject({
      status: 'signed',
      signed: '2007-06',
    });
    expect(programme('HK').mras.find((m) => m.partner === 'IN')?.isUncertain).toBe(true);
  });

  it('gives headline statistics', () => {
    const stats = compilationStatistics(compilation);
    expect(stats.programmes).toBe(compilation.programmes.length);
    expect(stats.signedMras + stats.mrasInNegotiation).toBe(compilation.arrangements.length);
    expect(Object.values(stats.byRegion).reduce((a, b) => a + b, 0)).toBe(stats.programmes);
  });
});

describe('compilation rules', () => {
  const us = programmesJson.programmes.find((p) => p.jurisdiction === 'US')!;
  const usNz = mrasJson.arrangements.find((m) => m.id === 'us-nz')!;

  it.each([
    ['an unassigned country code', { ...us, id: 'xx-test', jurisdiction: 'XX' }, 'jurisdiction'],
    ['an id that does not start with the jurisdiction', { ...us, id: 'ca-ctpat' }, 'id'],
    ['member states outside the EU', { ...us, memberStates: ['FR'] }, 'memberStates'],
    [
      'a heading that is not one of the 13',
      { ...us, criteria: { '14': { en: 'x', fr: 'x' } } },
      'criteria.14',
    ],
    ['an unknown benefit', { ...us, benefits: ['free_lunch'] }, 'benefits.0'],
    ['a personal contact instead of a website', { ...us, website: 'mailto:someone@cbp.gov' }, 'website'],
    ['an entry without a source', { ...us, sources: [] }, 'sources'],
  ])('refuses a programme with %s', (_name, input, path) => {
    const result = AeoProgramme.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each([
    ['a party listed twice', { ...usNz, parties: ['US', 'US'] }, 'parties'],
    ['a bilateral MRA with three parties', { ...usNz, parties: ['US', 'NZ', 'JP'] }, 'kind'],
    ['a signature date on an MRA under negotiation', { ...usNz, status: 'in_negotiation' }, 'signed'],
    ['an impossible date', { ...usNz, signed: '2007-02-30' }, 'signed'],
  ])('refuses an MRA with %s', (_name, input, path) => {
    const result = MutualRecognitionArrangement.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it.each(['2012', '2012-05', '2012-05-04'])('accepts the partial date %s', (date) => {
    expect(PartialDate.safeParse(date).success).toBe(true);
  });

  it('catches cross-reference errors: second programme, unknown party, duplicate pair, date before launch', () => {
    const programmes = AeoProgrammeFile.parse(programmesJson).programmes;
    const arrangements = MraFile.parse(mrasJson).arrangements;
    const usProgramme = programmes.find((p) => p.jurisdiction === 'US')!;
    const problems = checkCompilation(
      [
        ...programmes,
        { ...usProgramme, id: 'us-second' },
        { ...usProgramme, id: 'fr-aeo', jurisdiction: 'FR' },
      ],
      [
        ...arrangements,
        { ...arrangements[0]!, id: 'us-nz-again', parties: ['NZ', 'US'] },
        { ...arrangements[0]!, id: 'us-zz', parties: ['US', 'ZA'] },
        { ...arrangements[0]!, id: 'us-sg-early', parties: ['US', 'SG'], signed: '1999' },
      ],
    ).map((p) => p.message);
    expect(problems).toEqual(
      expect.arrayContaining([
        'second programme for US',
        'FR is covered by the EU programme',
        "same parties as 'us-nz'",
        'no programme listed for ZA',
        "signed before US's programme was launched (2001)",
      ]),
    );
  });
});
