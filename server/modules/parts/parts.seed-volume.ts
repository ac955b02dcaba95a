import type { Db } from '../../db/database';
import { newId } from '../../platform/ids';

/**
 * Seeds the parts and purchasing tables at a busy dealer group's volume for the list-query plan test:
 * 2,000 parts (1,500 with fitment), stock in every store, 6,000 ledger rows, 1,000 parts orders,
 * suppliers, purchase orders, receipts, quality issues and stocktakes. Rows are written directly
 * (their rules are tested elsewhere).
 */
export async function seedPartsVolume(db: Db, groupId: string, storeIds: string[]) {
  const now = Date.now();
  const at = (i: number) => new Date(now - i * 600_000).toISOString();
  const stamp = (i: number) => ({ version: 1, created_at: at(i), updated_at: at(i) });
  const parts = Array.from({ length: 2_000 }, (_, i) => ({
    id: newId(),
    group_id: groupId,
    part_no: `V${String(i).padStart(6, '0')}`,
    name: `配件 ${i}`,
    name_en: `Part ${i}`,
    brand: null,
    category: ['filters', 'brakes', 'ignition', 'body'][i % 4]!,
    class: ['common', 'seasonal', 'special', 'obsolete'][i % 4]!,
    origin: ['original', 'equivalent', 'remanufactured', 'reused'][i % 4]!,
    unit: 'pc',
    list_price: 10_000,
    standard_cost: 6_000,
    superseded_by_id: null,
    active: 1,
    ...stamp(i),
  }));
  for (let i = 0; i < parts.length; i += 400)
    await db
      .insertInto('parts')
      .values(parts.slice(i, i + 400))
      .execute();
  // fitment: 1,500 parts fit a model of the catalogue, every third of them one trim of it only
  const trims = await db
    .selectFrom('trims')
    .select(['id', 'model_id'])
    .where('group_id', '=', groupId)
    .orderBy('id')
    .limit(300)
    .execute();
  const fitments = parts.slice(0, 1_500).map((p, i) => {
    const trim = trims[i % trims.length]!;
    return { part_id: p.id, model_id: trim.model_id, trim_id: i % 3 === 0 ? trim.id : null };
  });
  for (let i = 0; trims.length > 0 && i < fitments.length; i += 500)
    await db
      .insertInto('part_fitments')
      .values(fitments.slice(i, i + 500))
      .execute();
  await db
    .insertInto('part_barcodes')
    .values(
      parts
        .slice(0, 500)
        .map((p, i) => ({ group_id: groupId, barcode: `690${String(i).padStart(9, '0')}`, part_id: p.id })),
    )
    .execute();
  const stock = parts.slice(0, 600).flatMap((p, i) =>
    storeIds.map((storeId) => ({
      id: newId(),
      group_id: groupId,
      store_id: storeId,
      part_id: p.id,
      on_hand: 10,
      reserved: 0,
      stock_value: 60_000,
      bin: `A-${String(i % 50).padStart(2, '0')}`,
      min_qty: null,
      max_qty: null,
      lead_time_days: null,
      ...stamp(i),
    })),
  );
  for (let i = 0; i < stock.length; i += 400)
    await db
      .insertInto('part_stock')
      .values(stock.slice(i, i + 400))
      .execute();
  const movements = Array.from({ length: 6_000 }, (_, i) => ({
    id: newId(),
    group_id: groupId,
    store_id: storeIds[i % storeIds.length]!,
    part_id: parts[i % 600]!.id,
    type: i % 3 === 0 ? 'receive' : 'counter_sale',
    qty: i % 3 === 0 ? 2 : -1,
    unit_cost: 6_000,
    total_cost: i % 3 === 0 ? 12_000 : -6_000,
    on_hand_after: 10,
    value_after: 60_000,
    reason: null,
    ref_type: null,
    ref_id: null,
    actor_id: null,
    at: at(i),
  }));
  for (let i = 0; i < movements.length; i += 400)
    await db
      .insertInto('stock_movements')
      .values(movements.slice(i, i + 400))
      .execute();
  const orders = Array.from({ length: 1_000 }, (_, i) => ({
    id: newId(),
    group_id: groupId,
    store_id: storeIds[i % storeIds.length]!,
    number: `PT-2026-9${String(i).padStart(5, '0')}`,
    channel: ['counter', 'customer', 'workshop', 'store'][i % 4]!,
    status: ['completed', 'submitted', 'allocated', 'shipped'][i % 4]!,
    customer_id: null,
    customer_name: `客户 ${i}`,
    to_store_id: null,
    ship_to: null,
    total: 10_000,
    carrier: null,
    tracking_no: null,
    signed_by: null,
    signed_at: null,
    note: null,
    created_by: null,
    ...stamp(i),
  }));
  for (let i = 0; i < orders.length; i += 400)
    await db
      .insertInto('parts_orders')
      .values(orders.slice(i, i + 400))
      .execute();
  for (let i = 0; i < orders.length; i += 400)
    await db
      .insertInto('parts_order_lines')
      .values(
        orders.slice(i, i + 400).map((o, n) => ({
          id: newId(),
          order_id: o.id,
          line_no: 1,
          part_id: parts[(i + n) % 600]!.id,
          qty: 1,
          unit_price: 10_000,
          picked_qty: 0,
          picked_cost: null,
          received_qty: null,
          condition: null,
        })),
      )
      .execute();
  const suppliers = storeIds.flatMap((storeId, s) =>
    Array.from({ length: 5 }, (_, i) => ({
      id: newId(),
      group_id: groupId,
      store_id: storeId,
      code: `VS${s}-${i}`,
      name: `供应商 ${s}-${i}`,
      uscc: null,
      contact_name: null,
      contact_phone: null,
      status: 'approved',
      lead_time_days: 5,
      manual_quality: null,
      manual_service: null,
      contract_no: null,
      contract_until: null,
      note: null,
      ...stamp(i),
    })),
  );
  await db.insertInto('suppliers').values(suppliers).execute();
  const pos = Array.from({ length: 400 }, (_, i) => {
    const supplier = suppliers[i % suppliers.length]!;
    return {
      id: newId(),
      group_id: groupId,
      store_id: supplier.store_id,
      number: `PO-2026-9${String(i).padStart(5, '0')}`,
      supplier_id: supplier.id,
      status: ['sent', 'received', 'draft', 'partially_received'][i % 4]!,
      total: 100_000,
      expected_on: null,
      note: null,
      created_by: null,
      approved_by: null,
      approved_at: null,
      sent_at: null,
      confirmed_at: null,
      ...stamp(i),
    };
  });
  await db.insertInto('purchase_orders').values(pos).execute();
  const poLines = pos.map((po, i) => ({
    id: newId(),
    purchase_order_id: po.id,
    line_no: 1,
    part_id: parts[i % 600]!.id,
    qty: 10,
    unit_price: 10_000,
    received_qty: 5,
    accepted_qty: 4,
    rejected_qty: 1,
  }));
  await db.insertInto('purchase_order_lines').values(poLines).execute();
  const receipts = pos.slice(0, 200).map((po, i) => ({
    id: newId(),
    group_id: groupId,
    store_id: po.store_id,
    number: `GR-2026-9${String(i).padStart(5, '0')}`,
    purchase_order_id: po.id,
    supplier_id: po.supplier_id,
    status: 'posted',
    received_on: '2026-01-01',
    on_time: 1,
    delivery_note: null,
    received_by: null,
    inspected_by: null,
    inspected_at: null,
    ...stamp(i),
  }));
  await db.insertInto('goods_receipts').values(receipts).execute();
  await db
    .insertInto('goods_receipt_lines')
    .values(
      receipts.map((r, i) => ({
        id: newId(),
        goods_receipt_id: r.id,
        po_line_id: poLines[i]!.id,
        part_id: poLines[i]!.part_id,
        qty: 5,
        unit_price: 10_000,
        accepted_qty: 4,
        rejected_qty: 1,
        reject_reason: 'damaged',
        photos: '[]',
      })),
    )
    .execute();
  await db
    .insertInto('supplier_quality_issues')
    .values(
      receipts.slice(0, 100).map((r, i) => ({
        id: newId(),
        group_id: groupId,
        store_id: r.store_id,
        number: `SQ-2026-9${String(i).padStart(5, '0')}`,
        supplier_id: r.supplier_id,
        goods_receipt_id: r.id,
        part_id: poLines[i]!.part_id,
        qty: 1,
        reason: 'damaged',
        photos: '[]',
        status: i % 2 ? 'open' : 'resolved',
        resolution: null,
        claim_amount: null,
        resolution_note: null,
        resolved_at: null,
        ...stamp(i),
      })),
    )
    .execute();
  await db
    .insertInto('stocktakes')
    .values(
      storeIds.map((storeId, i) => ({
        id: newId(),
        group_id: groupId,
        store_id: storeId,
        number: `ST-2026-9${String(i).padStart(5, '0')}`,
        scope: 'full',
        scope_value: null,
        blind: 1,
        status: 'counting',
        created_by: null,
        approved_by: null,
        posted_at: null,
        ...stamp(i),
      })),
    )
    .execute();
  const plans = storeIds.map((storeId, i) => ({
    id: newId(),
    group_id: groupId,
    store_id: storeId,
    number: `PP-2026-9${String(i).padStart(5, '0')}`,
    status: 'draft',
    note: null,
    purchase_order_id: null,
    created_by: null,
    ...stamp(i),
  }));
  await db.insertInto('parts_purchase_plans').values(plans).execute();
  await db
    .insertInto('parts_purchase_plan_lines')
    .values(
      plans.map((p, i) => ({
        id: newId(),
        plan_id: p.id,
        line_no: 1,
        part_id: parts[i]!.id,
        qty: 5,
        unit_price: 6_000,
        reason: 'below_reorder_point',
      })),
    )
    .execute();
}
