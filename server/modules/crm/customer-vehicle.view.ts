import type { CustomerVehicle } from '../../../common/crm/customer-vehicle.schemas';
import type { CustomerVehicleStatus } from '../../../common/crm/customer.enums';
import type { DbOrTrx } from '../../db/database';
import { findTrimSummaries } from '../catalog';
import type { CustomerVehicleRow } from './customer-vehicle.repo';

export async function toCustomerVehicles(
  db: DbOrTrx,
  rows: CustomerVehicleRow[],
): Promise<CustomerVehicle[]> {
  const trims = await findTrimSummaries(
    db,
    rows.flatMap((r) => (r.trim_id ? [r.trim_id] : [])),
  );
  return rows.map((r) => {
    const trim = r.trim_id ? trims.get(r.trim_id) : undefined;
    return {
      id: r.id,
      customerId: r.customer_id,
      storeId: r.store_id,
      vin: r.vin,
      plate: r.plate,
      trimId: r.trim_id,
      brandName: r.brand_name ?? trim?.brandName ?? null,
      modelName: r.model_name ?? trim?.modelName ?? null,
      trimName: trim?.name ?? null,
      modelYear: r.model_year,
      purchaseDate: r.purchase_date,
      lastMileageKm: r.last_mileage_km,
      lastMileageAt: r.last_mileage_at,
      status: r.status as CustomerVehicleStatus,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}
