import { computeWorkHours } from '../../../common/service/work-hours';
import type { RepairOrderStatus } from '../../../common/service/repair-order.status';
import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/ids';
import { parseJson } from './service.access';
import {
  clocksOf,
  declinedLinesOfVehicle,
  inspectionsOf,
  latestApprovalOf,
  linesOf,
  paymentsOf,
  type InspectionRow,
  type LineRow,
  type OrderView,
} from './repair-order.repo';

export const toLine = (l: LineRow) => ({
  id: l.id,
  kind: l.kind,
  laborOperationId: l.labor_operation_id,
  description: l.description,
  partNumber: l.part_number,
  quantity: l.quantity,
  unitPrice: l.unit_price,
  hoursCenti: l.hours_centi,
  amount: l.amount,
  payer: l.payer,
  approval: l.approval,
  decidedAt: l.decided_at,
  decidedVia: l.decided_via,
  origin: l.origin,
  workStatus: l.work_status,
  issuedQty: l.issued_qty,
});

/** What each payer owes for the approved lines (H6.1 7: warranty/三包 to the maker, insurance to the insurer). */
export function orderTotals(lines: LineRow[]) {
  const approved = lines.filter((l) => l.approval === 'approved');
  const sum = (f: (l: LineRow) => boolean) => approved.filter(f).reduce((a, l) => a + l.amount, 0);
  return {
    labour: sum((l) => l.kind === 'labor'),
    parts: sum((l) => l.kind === 'part'),
    sublet: sum((l) => l.kind === 'sublet'),
    customer: sum((l) => l.payer === 'customer'),
    warranty: sum((l) => l.payer === 'warranty'),
    insurance: sum((l) => l.payer === 'insurance'),
  };
}

export const toSummary = (r: OrderView) => ({
  id: r.id,
  storeId: r.store_id,
  number: r.number,
  status: r.status as RepairOrderStatus,
  customerId: r.customer_id,
  customerName: r.customer_name,
  customerVehicleId: r.customer_vehicle_id,
  vin: r.vin,
  plate: r.plate,
  vehicleName: r.vehicle_name,
  advisorId: r.advisor_id,
  advisorName: r.advisor_name,
  customerConcern: r.customer_concern,
  recall: parseJson<unknown[]>(r.campaigns_json, []).length > 0,
  checkedInAt: r.checked_in_at,
  version: r.version,
});

/**
 * Sections of the order its request already holds, exactly as a read would find them now (a new order:
 * none of them yet); those not given are read. `link: null` = known to have no approval link.
 */
export interface KnownSections {
  lines?: LineRow[];
  clocks?: Awaited<ReturnType<typeof clocksOf>>;
  inspections?: InspectionRow[];
  link?: Awaited<ReturnType<typeof latestApprovalOf>> | null;
  payments?: Awaited<ReturnType<typeof paymentsOf>>;
}
/** What an order that was just opened has: no lines, clocks, inspection, link or payments. */
export const newOrderSections = (): KnownSections => ({
  lines: [],
  clocks: [],
  inspections: [],
  link: null,
  payments: [],
});

/** The whole repair order as the API shows it: lines, inspection, hours, money, signatures. */
export async function toRepairOrder(db: DbOrTrx, r: OrderView, known: KnownSections = {}) {
  const lines = known.lines ?? (await linesOf(db, r.id));
  const clocks = known.clocks ?? (await clocksOf(db, r.id));
  const inspection = known.inspections ?? (await inspectionsOf(db, r.id));
  const link = known.link !== undefined ? known.link : await latestApprovalOf(db, r.id);
  const payments = known.payments ?? (await paymentsOf(db, r.id));
  const declined = await declinedLinesOfVehicle(db, r.customer_vehicle_id, r.id);
  const names = new Map(clocks.map((c) => [c.technician_id, c.technician_name]));
  const hours = computeWorkHours(
    lines
      .filter((l) => l.kind === 'labor' && l.approval === 'approved')
      .map((l) => ({ id: l.id, hoursCenti: l.hours_centi, finished: l.work_status === 'done' })),
    clocks.map((c) => ({
      lineId: c.line_id,
      technicianId: c.technician_id,
      startedAt: c.started_at,
      endedAt: c.ended_at,
    })),
    nowIso(),
  );
  return {
    ...toSummary(r),
    bookingId: r.booking_id,
    serviceRequestId: r.service_request_id,
    odometerKm: r.odometer_km,
    fuelPercent: r.fuel_percent,
    damageNotes: r.damage_notes,
    photos: parseJson<string[]>(r.photos_json, []),
    valuables: r.valuables,
    campaigns: parseJson<{ id: string; code: string; title: string; kind: string }[]>(r.campaigns_json, []),
    findings: r.findings,
    faultCodes: parseJson<string[]>(r.fault_codes_json, []),
    diagnosedBy: r.diagnosed_by,
    diagnosedAt: r.diagnosed_at,
    lines: lines.map(toLine),
    inspection: inspection.map((i) => ({
      id: i.id,
      item: i.item,
      rating: i.rating,
      note: i.note,
      photos: parseJson<string[]>(i.photos_json, []),
    })),
    declinedBefore: declined.map((d) => ({
      repairOrderNumber: d.number,
      description: d.description,
      amount: d.amount,
      decidedAt: d.decided_at,
    })),
    approvalLink: link
      ? { expiresAt: link.expires_at, usedAt: link.used_at, signerName: link.signer_name }
      : null,
    hours: {
      ...hours,
      technicians: hours.technicians.map((t) => ({ ...t, name: names.get(t.technicianId) ?? '' })),
    },
    clocks: clocks.map((c) => ({
      id: c.id,
      lineId: c.line_id,
      technicianId: c.technician_id,
      technicianName: c.technician_name,
      startedAt: c.started_at,
      endedAt: c.ended_at,
    })),
    qcChecklist: parseJson<{ item: string; passed: boolean }[] | null>(r.qc_checklist_json, null),
    qcBy: r.qc_by,
    qcAt: r.qc_at,
    totals: orderTotals(lines),
    payments,
    settledAt: r.settled_at,
    invoiceNumber: r.invoice_number,
    insurerName: r.insurer_name,
    handoverSigner: r.handover_signer,
    hasSignature: r.handover_signature !== null,
    deliveredAt: r.delivered_at,
    nextServiceDate: r.next_service_date,
    nextServiceKm: r.next_service_km,
    followUpTaskId: r.follow_up_task_id,
    satisfaction: r.satisfaction,
    followUpNote: r.follow_up_note,
    retainUntil: r.retain_until,
    closedAt: r.closed_at,
  };
}
export type RepairOrderView = Awaited<ReturnType<typeof toRepairOrder>>;
