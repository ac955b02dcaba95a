import { isNevEnergy, type Energy } from '../../../common/catalog/catalog.enums';
import type { ColourInput, CreateTrim } from '../../../common/catalog/trim.schemas';
import type { FieldError } from '../../platform/errors';
import type { TrimRow } from './trim.repo';

export type TrimAttributes = Omit<CreateTrim, 'modelId' | 'code' | 'name' | 'nameEn' | 'colours'>;
type Attributes = TrimAttributes;

/** Every attribute column of a new trim row. */
export function fullAttributeColumns(a: Attributes) {
  return {
    model_year: a.modelYear,
    body_type: a.bodyType,
    seats: a.seats,
    energy: a.energy,
    is_nev: isNevEnergy(a.energy) ? 1 : 0,
    drivetrain: a.drivetrain,
    transmission: a.transmission,
    power_kw: a.powerKw,
    torque_nm: a.torqueNm ?? null,
    displacement_ml: a.displacementMl ?? null,
    battery_wh: a.batteryWh ?? null,
    range_km: a.rangeKm ?? null,
    fuel_l_per_100km_x10: a.fuelLPer100kmX10 ?? null,
    length_mm: a.lengthMm ?? null,
    wheelbase_mm: a.wheelbaseMm ?? null,
  } satisfies Partial<TrimRow>;
}

/** The attribute columns of a trim row from API attributes; 新能源 is derived from the energy, never typed in. */
export function attributeColumns(a: Partial<Attributes>): Partial<TrimRow> {
  const c: Partial<TrimRow> = {};
  if (a.modelYear !== undefined) c.model_year = a.modelYear;
  if (a.bodyType !== undefined) c.body_type = a.bodyType;
  if (a.seats !== undefined) c.seats = a.seats;
  if (a.energy !== undefined) {
    c.energy = a.energy;
    c.is_nev = isNevEnergy(a.energy) ? 1 : 0;
  }
  if (a.drivetrain !== undefined) c.drivetrain = a.drivetrain;
  if (a.transmission !== undefined) c.transmission = a.transmission;
  if (a.powerKw !== undefined) c.power_kw = a.powerKw;
  if (a.torqueNm !== undefined) c.torque_nm = a.torqueNm ?? null;
  if (a.displacementMl !== undefined) c.displacement_ml = a.displacementMl ?? null;
  if (a.batteryWh !== undefined) c.battery_wh = a.batteryWh ?? null;
  if (a.rangeKm !== undefined) c.range_km = a.rangeKm ?? null;
  if (a.fuelLPer100kmX10 !== undefined) c.fuel_l_per_100km_x10 = a.fuelLPer100kmX10 ?? null;
  if (a.lengthMm !== undefined) c.length_mm = a.lengthMm ?? null;
  if (a.wheelbaseMm !== undefined) c.wheelbase_mm = a.wheelbaseMm ?? null;
  return c;
}

/**
 * Power and battery/range where relevant: a plug-in (bev, phev, erev) states its battery (kWh) and
 * CLTC electric range, a fuel-cell car its range, and anything that burns fuel its displacement.
 */
export function powertrainProblems(
  row: Pick<TrimRow, 'energy' | 'battery_wh' | 'range_km' | 'displacement_ml'>,
): FieldError[] {
  const energy = row.energy as Energy;
  const problems: FieldError[] = [];
  const need = (path: string, message: string) => problems.push({ path, code: 'required', message });
  if (['bev', 'phev', 'erev'].includes(energy) && row.battery_wh === null)
    need('batteryWh', `a ${energy} trim states its battery capacity`);
  if (isNevEnergy(energy) && row.range_km === null)
    need('rangeKm', `a ${energy} trim states its electric range (CLTC)`);
  if (['ice', 'hev', 'phev', 'erev'].includes(energy) && row.displacement_ml === null)
    need('displacementMl', `a ${energy} trim states its engine displacement`);
  if (energy === 'bev' && row.displacement_ml !== null)
    problems.push({ path: 'displacementMl', code: 'invalid_value', message: 'a bev has no engine' });
  return problems;
}

/** A colour appears once per kind and code. */
export function colourListProblems(colours: readonly ColourInput[], path = 'colours'): FieldError[] {
  const seen = new Set<string>();
  return colours.flatMap((c, i) => {
    const key = `${c.kind}:${c.code}`;
    if (seen.has(key))
      return [{ path: `${path}.${i}.code`, code: 'duplicate', message: `colour ${key} listed twice` }];
    seen.add(key);
    return [];
  });
}
