/**
 * Delivery (交车, H5.1 / H4.2.1): the pre-delivery inspection (PDI) checklist a store configures, the
 * documents handed to the buyer, and the rule that a car is handed over only when every PDI item
 * passed, every document is present, the keys are counted, the customer signed and nothing is owed.
 */
import { MAX_USAGE_COMPENSATION_RATE } from '../rules/three-guarantee';

/** The default PDI (售前检查) items; a store may replace them in its sales settings. */
export const defaultPdiItems = [
  'exterior_paint_body',
  'interior_trim_seats',
  'lights_signals',
  'tyres_pressure_spare',
  'fluids_levels',
  'battery_charge_level',
  'electrics_infotainment',
  'adas_sensors_cameras',
  'road_test',
  'cleaning',
] as const;

/**
 * What the buyer receives (H4.2.1): certificate of conformity (合格证), the consistency certificate
 * (一致性证书), the invoice, the Chinese manual, the warranty and maintenance manual, and the 三包凭证
 * with its periods and usage-compensation rate (家用汽车产品三包责任规定 Arts. 9, 18, 27).
 */
export const deliveryDocuments = [
  'certificate_of_conformity',
  'consistency_certificate',
  'invoice',
  'chinese_manual',
  'warranty_manual',
  'three_guarantee_voucher',
] as const;
export type DeliveryDocument = (typeof deliveryDocuments)[number];

export const pdiResults = ['pending', 'pass', 'fail'] as const;
export type PdiResult = (typeof pdiResults)[number];

export const registrationStatuses = ['not_requested', 'declined', 'in_progress', 'plate_issued'] as const;

export const deliveryStatuses = ['scheduled', 'completed', 'cancelled'] as const;

export const deliveryBlockers = [
  'pdi_item_failed',
  'pdi_item_pending',
  'document_missing',
  'keys_missing',
  'voucher_incomplete',
  'money_outstanding',
  'invoice_missing',
  'customer_signature_missing',
] as const;
export type DeliveryBlocker = (typeof deliveryBlockers)[number];

export interface DeliveryState {
  pdi: readonly { item: string; result: PdiResult }[];
  documents: readonly { document: string; present: boolean }[];
  keysExpected: number;
  keysHanded: number;
  /** 使用补偿系数 printed on the 三包凭证 (≤ 0.5 %, Art. 27), null when not filled in. */
  compensationRate: number | null;
  balance: number;
  invoiceIssued: boolean;
  customerSigned: boolean;
}

/** Why the car may not be handed over yet, each with the items concerned; empty when it may. */
export function deliveryBlockersOf(s: DeliveryState): { blocker: DeliveryBlocker; items: string[] }[] {
  const out: { blocker: DeliveryBlocker; items: string[] }[] = [];
  const add = (blocker: DeliveryBlocker, items: string[]) => items.length && out.push({ blocker, items });
  add(
    'pdi_item_failed',
    s.pdi.filter((p) => p.result === 'fail').map((p) => p.item),
  );
  add(
    'pdi_item_pending',
    s.pdi.filter((p) => p.result === 'pending').map((p) => p.item),
  );
  add(
    'document_missing',
    s.documents.filter((d) => !d.present).map((d) => d.document),
  );
  if (s.keysHanded < s.keysExpected) add('keys_missing', [`${s.keysHanded}/${s.keysExpected}`]);
  if (
    s.compensationRate === null ||
    s.compensationRate <= 0 ||
    s.compensationRate > MAX_USAGE_COMPENSATION_RATE
  )
    add('voucher_incomplete', ['compensation_rate']);
  if (s.balance > 0) add('money_outstanding', [String(s.balance)]);
  if (!s.invoiceIssued) add('invoice_missing', ['invoice']);
  if (!s.customerSigned) add('customer_signature_missing', ['customer']);
  return out;
}

/** After the deal (H4.2.2): care calls on these days after delivery unless the store configures others. */
export const defaultCareCallDays = [1, 7, 30] as const;
/** The first maintenance (首保): by this many months or kilometres after delivery, whichever comes first. */
export const defaultFirstMaintenance = { months: 6, km: 5000 } as const;
