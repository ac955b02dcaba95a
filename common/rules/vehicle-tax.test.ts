import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  findTaxReliefPolicy,
  NEV_PURCHASE_TAX_POLICIES,
  type TaxReliefPolicy,
  type VehicleEnergy,
} from './tax-policies';
import { computeVehicleTax, splitVat } from './vehicle-tax';

describe('vehicle taxes', () => {
  it('NEV bought 2026-01-01 for ¥226,000 → purchase tax ¥10,000.00', () => {
    expect(
      computeVehicleTax({ totalInclVat: 22600000, purchaseDate: '2026-01-01', energy: 'bev' }),
    ).toMatchObject({
      totalInclVat: 22600000,
      priceExclVat: 20000000,
      vat: 2600000,
      vatRate: 0.13,
      purchaseTaxBeforeRelief: 2000000,
      purchaseTaxRelief: 1000000,
      purchaseTax: 1000000,
      policy: { id: 'cn-nev-2026-halve', kind: 'halve' },
    });
  });

  it('2024-2025: exempt up to ¥30,000', () => {
    expect(
      computeVehicleTax({ totalInclVat: 22600000, purchaseDate: '2025-12-31', energy: 'phev' }).purchaseTax,
    ).toBe(0);
    // ¥452,000 → price ¥400,000 → tax ¥40,000 → relief capped at ¥30,000
    const r = computeVehicleTax({ totalInclVat: 45200000, purchaseDate: '2024-01-01', energy: 'erev' });
    expect(r).toMatchObject({
      purchaseTaxBeforeRelief: 4000000,
      purchaseTaxRelief: 3000000,
      purchaseTax: 1000000,
    });
  });

  it('2026-2027: halved, reduction capped at ¥15,000', () => {
    const r = computeVehicleTax({ totalInclVat: 45200000, purchaseDate: '2027-12-31', energy: 'fcev' });
    expect(r).toMatchObject({
      purchaseTaxBeforeRelief: 4000000,
      purchaseTaxRelief: 1500000,
      purchaseTax: 2500000,
    });
  });

  it('no relief for ICE/HEV or after 2027; a configured row extends it', () => {
    expect(
      computeVehicleTax({ totalInclVat: 22600000, purchaseDate: '2026-06-01', energy: 'hev' }),
    ).toMatchObject({ purchaseTax: 2000000, policy: null });
    expect(
      computeVehicleTax({ totalInclVat: 22600000, purchaseDate: '2026-06-01', energy: 'ice' })
        .purchaseTaxRelief,
    ).toBe(0);
    expect(
      computeVehicleTax({ totalInclVat: 22600000, purchaseDate: '2028-01-01', energy: 'bev' }).purchaseTax,
    ).toBe(2000000);
    const later: TaxReliefPolicy = {
      id: 'future',
      reference: 'test',
      effectiveFrom: '2028-01-01',
      effectiveTo: '2028-12-31',
      kind: 'halve',
      capFen: null,
      energies: ['bev'],
    };
    const r = computeVehicleTax({ totalInclVat: 22600000, purchaseDate: '2028-01-01', energy: 'bev' }, [
      ...NEV_PURCHASE_TAX_POLICIES,
      later,
    ]);
    expect(r).toMatchObject({ purchaseTax: 1000000, policy: { id: 'future' } });
  });

  it('policies do not overlap', () => {
    for (const energy of ['bev', 'phev'] as VehicleEnergy[]) {
      const rows = NEV_PURCHASE_TAX_POLICIES.filter((p) => p.energies.includes(energy));
      for (let i = 1; i < rows.length; i++)
        expect(rows[i]!.effectiveFrom > rows[i - 1]!.effectiveTo).toBe(true);
    }
    expect(findTaxReliefPolicy('2014-08-31', 'bev')).toBeNull();
    expect(findTaxReliefPolicy('2014-09-01', 'bev')?.id).toBe('cn-nev-2014');
  });

  it('VAT split rounds the price to the fen', () => {
    expect(splitVat(100)).toEqual({ totalInclVat: 100, priceExclVat: 88, vat: 12 }); // 88.495…
    expect(splitVat(113)).toEqual({ totalInclVat: 113, priceExclVat: 100, vat: 13 });
    expect(splitVat(0)).toEqual({ totalInclVat: 0, priceExclVat: 0, vat: 0 });
  });

  it('property: the split always adds back to the total, and the tax never goes negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.constantFrom<VehicleEnergy>('ice', 'hev', 'phev', 'erev', 'bev', 'fcev'),
        fc.date({
          min: new Date('2014-01-01T00:00:00Z'),
          max: new Date('2029-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        (total, energy, d) => {
          const r = computeVehicleTax({
            totalInclVat: total,
            purchaseDate: d.toISOString().slice(0, 10),
            energy,
          });
          expect(r.priceExclVat + r.vat).toBe(total);
          // price is total/1.13 rounded: |price·113 − total·100| ≤ 56.5
          expect(Math.abs(r.priceExclVat * 113 - total * 100)).toBeLessThanOrEqual(56.5);
          expect(r.purchaseTax).toBeGreaterThanOrEqual(0);
          expect(r.purchaseTaxBeforeRelief - r.purchaseTaxRelief).toBe(r.purchaseTax);
          if (r.policy?.capFen != null) expect(r.purchaseTaxRelief).toBeLessThanOrEqual(r.policy.capFen);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
