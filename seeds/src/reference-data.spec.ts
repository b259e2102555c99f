import { GUIZHOU_COUNTIES } from '@contracts/regions/guizhou-divisions';
import { certifyWorkshopBody } from '@contracts/http';
import { RELOCATION_SITES, relocationSitesOf } from './relocation-sites';
import { COUNTY_HOUSEHOLDS, PROVINCE_HOUSEHOLDS } from './relocation-volume';
import { welfareProgrammesOf } from './welfare-programmes';
import { PROVINCE_WORKSHOPS, workshopBody, workshopsOf } from './workshops';

describe('relocation sites', () => {
  it('number 953 across the province, at least one in every county, with unique ids and names per county', () => {
    expect(RELOCATION_SITES).toHaveLength(953);
    expect(new Set(RELOCATION_SITES.map((s) => s.id)).size).toBe(953);
    for (const county of GUIZHOU_COUNTIES) {
      const sites = relocationSitesOf(county.code);
      expect(sites.length).toBeGreaterThan(0);
      expect(new Set(sites.map((s) => s.name)).size).toBe(sites.length);
    }
  });

  it('hold the province’s 410,000 households, each county’s in its own sites', () => {
    const total = RELOCATION_SITES.reduce((sum, s) => sum + s.households, 0);
    expect(total).toBe(PROVINCE_HOUSEHOLDS);
    for (const county of GUIZHOU_COUNTIES) {
      const planned = relocationSitesOf(county.code).reduce((sum, s) => sum + s.households, 0);
      expect(planned).toBe(COUNTY_HOUSEHOLDS.get(county.code));
    }
  });

  it('give the heavy-relocation prefectures the most households (Bijie first)', () => {
    const byPrefecture = new Map<string, number>();
    for (const [code, n] of COUNTY_HOUSEHOLDS) {
      const prefecture = `${code.slice(0, 4)}00`;
      byPrefecture.set(prefecture, (byPrefecture.get(prefecture) ?? 0) + n);
    }
    const ranked = [...byPrefecture.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    expect(ranked[0]).toBe('520500');
    expect(ranked.slice(0, 5).sort()).toEqual(['520500', '520600', '522300', '522600', '522700']);
  });

  it('keep the documented sites by name', () => {
    expect(relocationSitesOf('520502').map((s) => s.name)).toContain('柏杨林街道安置区');
    expect(relocationSitesOf('520402').map((s) => s.name)).toContain('彩虹社区');
  });
});

describe('assistance workshops', () => {
  const all = GUIZHOU_COUNTIES.flatMap((c) => workshopsOf(c.code));

  it('number 1,437, each next to a site of its own county, with bodies the HTTP schema accepts', () => {
    expect(all).toHaveLength(PROVINCE_WORKSHOPS);
    expect(new Set(all.map((w) => w.id)).size).toBe(all.length);
    for (const w of all) {
      expect(relocationSitesOf(w.countyCode).some((s) => s.id === w.relocationSiteId)).toBe(true);
      expect(certifyWorkshopBody.safeParse(workshopBody(w)).success).toBe(true);
    }
  });

  it('are mostly labour-intensive trades, many with flexible hours', () => {
    const garmentsAndElectronics = all.filter((w) => ['garments', 'electronics_assembly'].includes(w.sector));
    expect(garmentsAndElectronics.length / all.length).toBeGreaterThan(0.35);
    expect(all.filter((w) => w.flexibleHours).length / all.length).toBeGreaterThan(0.4);
  });
});

describe('public-welfare post programmes', () => {
  it('run five kinds in every county, 500–1,200 yuan a month for 12 months', () => {
    for (const county of GUIZHOU_COUNTIES) {
      const programmes = welfareProgrammesOf(county.code);
      expect(programmes.map((p) => p.kind).sort()).toEqual(
        ['cleaning', 'community_service', 'forest_ranger', 'road_care', 'security'].sort(),
      );
      for (const p of programmes) {
        expect(p.monthlySubsidy).toBeGreaterThanOrEqual(500);
        expect(p.monthlySubsidy).toBeLessThanOrEqual(1200);
        expect(p.termMonths).toBe(12);
      }
    }
  });
});
