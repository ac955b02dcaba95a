/**
 * New-energy-vehicle purchase-tax relief policies, as data. A new announcement
 * is a new row here, not new code. Dates are purchase dates (the issue date of
 * the 机动车销售统一发票), inclusive at both ends.
 *
 * The caps of the 2024-2027 rows apply per 新能源乘用车 (passenger car); dealers
 * using this for commercial NEVs must configure an uncapped row. Eligibility also
 * requires the model to be in the MIIT 《减免车辆购置税的新能源汽车车型目录》,
 * which is not checked here.
 */

export type VehicleEnergy = 'ice' | 'hev' | 'phev' | 'erev' | 'bev' | 'fcev';

/**
 * New-energy vehicles for purchase-tax relief: battery-electric, plug-in hybrid
 * (incl. extended-range) and fuel-cell (财政部 税务总局 工业和信息化部公告2023年第10号 §1).
 * Conventional hybrids (HEV) are not new-energy.
 */
export const NEW_ENERGY: readonly VehicleEnergy[] = ['phev', 'erev', 'bev', 'fcev'];

export interface TaxReliefPolicy {
  id: string;
  /** Announcement that enacts the policy. */
  reference: string;
  effectiveFrom: string;
  effectiveTo: string;
  /** 'exempt' = 免征; 'halve' = 减半征收. */
  kind: 'exempt' | 'halve';
  /** Maximum relief per vehicle in fen, or null for no cap. */
  capFen: number | null;
  energies: readonly VehicleEnergy[];
}

export const NEV_PURCHASE_TAX_POLICIES: readonly TaxReliefPolicy[] = [
  {
    id: 'cn-nev-2014',
    reference: '财政部 国家税务总局 工业和信息化部公告2014年第53号',
    effectiveFrom: '2014-09-01',
    effectiveTo: '2017-12-31',
    kind: 'exempt',
    capFen: null,
    energies: NEW_ENERGY,
  },
  {
    id: 'cn-nev-2018',
    reference: '财政部 税务总局 工业和信息化部 科技部公告2017年第172号',
    effectiveFrom: '2018-01-01',
    effectiveTo: '2020-12-31',
    kind: 'exempt',
    capFen: null,
    energies: NEW_ENERGY,
  },
  {
    id: 'cn-nev-2021',
    reference: '财政部 税务总局 工业和信息化部公告2020年第21号',
    effectiveFrom: '2021-01-01',
    effectiveTo: '2022-12-31',
    kind: 'exempt',
    capFen: null,
    energies: NEW_ENERGY,
  },
  {
    id: 'cn-nev-2023',
    reference: '财政部 税务总局 工业和信息化部公告2022年第27号',
    effectiveFrom: '2023-01-01',
    effectiveTo: '2023-12-31',
    kind: 'exempt',
    capFen: null,
    energies: NEW_ENERGY,
  },
  {
    id: 'cn-nev-2024-exempt',
    reference: '财政部 税务总局 工业和信息化部公告2023年第10号 §1',
    effectiveFrom: '2024-01-01',
    effectiveTo: '2025-12-31',
    kind: 'exempt',
    capFen: 3_000_000,
    energies: NEW_ENERGY,
  },
  {
    id: 'cn-nev-2026-halve',
    reference: '财政部 税务总局 工业和信息化部公告2023年第10号 §2',
    effectiveFrom: '2026-01-01',
    effectiveTo: '2027-12-31',
    kind: 'halve',
    capFen: 1_500_000,
    energies: NEW_ENERGY,
  },
];

/** The policy covering `energy` on `purchaseDate`, or null (none after 2027 unless a row is added). */
export function findTaxReliefPolicy(
  purchaseDate: string,
  energy: VehicleEnergy,
  policies: readonly TaxReliefPolicy[] = NEV_PURCHASE_TAX_POLICIES,
): TaxReliefPolicy | null {
  return (
    policies.find(
      (p) => p.energies.includes(energy) && purchaseDate >= p.effectiveFrom && purchaseDate <= p.effectiveTo,
    ) ?? null
  );
}
