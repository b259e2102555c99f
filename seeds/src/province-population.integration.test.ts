import { generatePopulation } from './population-generator';
import { summarizeSeed } from './seed-summary';

/**
 * The whole province (410,000 households, ~1.2 million members): ~20 s of CPU, so it runs with
 * `npm run test:integration`, not in the unit suite. Needs no server.
 */
describe('province-scale population against DOMAIN.md', () => {
  it('has 410,000 households across 88 counties with the documented figures', () => {
    const summary = summarizeSeed(generatePopulation({ scale: 'province' }));
    expect(summary.households).toBe(410_000);
    expect(summary.workshops).toBe(1437);
    expect(summary.vacancies).toBeGreaterThanOrEqual(20_000);
    expect(summary.openings).toBeGreaterThanOrEqual(100_000);
    expect(summary.employmentRate).toBeGreaterThanOrEqual(0.94);
    expect(summary.employmentRate).toBeLessThanOrEqual(0.98);
    expect(summary.employedPerHouseholdWithLabour).toBeGreaterThanOrEqual(2.1);
    expect(summary.employedPerHouseholdWithLabour).toBeLessThanOrEqual(2.5);
    // Reported: 963,800 relocated labourers employed, 477,100 of them outside the province.
    expect(summary.employedWorkers).toBeGreaterThan(850_000);
    expect(summary.employedWorkers).toBeLessThan(1_050_000);
    expect(summary.zeroEmploymentShare).toBeGreaterThan(0);
    expect(summary.zeroEmploymentShare).toBeLessThan(0.03);
  }, 600_000);
});
