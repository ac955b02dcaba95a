import { newId } from '../platform/ids';
import type { Db } from '../db/database';
import { encryptField, type PiiKeys } from '../platform/pii';

/**
 * Sales at volume for the list-plan test: 2,000 deals over the stores with a payment, a cancelled
 * contract, a refund, an invoice, a delivery and a commission each — written directly, no API.
 */
export async function seedSalesVolume(db: Db, keys: PiiKeys, groupId: string) {
  const sealed = encryptField(keys, '110105199001011237');
  const mobile = encryptField(keys, '13912345678');
  const invoiceData = JSON.stringify({
    buyerKind: 'individual',
    buyerName: '客户',
    sellerName: '门店',
    sellerTaxId: '91310115MA1K4B2X0X',
    sellerAddress: null,
    sellerPhone: null,
    sellerBank: null,
    vehicleType: '轿车',
    brandModel: 'BYD Seal',
    origin: null,
    vin: 'LGXCE4CB0S0000001',
    engineNo: null,
    cocNo: null,
    totalInWords: '壹拾玖万捌仟元整',
  });
  const customers = await db.selectFrom('customers').select(['id', 'store_id']).limit(2000).execute();
  const trim = await db.selectFrom('trims').select(['id', 'energy']).executeTakeFirstOrThrow();
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const now = Date.now();
  for (let b = 0; b < 10; b++) {
    const deals = customers.slice(b * 200, b * 200 + 200).map((c, i) => {
      const at = new Date(now - (b * 200 + i) * 3_600_000).toISOString();
      return {
        id: newId(),
        group_id: groupId,
        store_id: c.store_id,
        number: `XS-V-${b}-${i}`,
        customer_id: c.id,
        lead_id: null,
        consultant_id: admin.id,
        vehicle_id: null,
        trim_id: trim.id,
        exterior_colour_id: null,
        energy: trim.energy,
        display_price: 20_000_000,
        vehicle_price: 19_800_000,
        discount: 200_000,
        due_to_dealer: 19_800_000,
        trade_in_json: null,
        payment_kind: 'full',
        loan_json: null,
        expected_purchase_date: at.slice(0, 10),
        notes: null,
        status: i % 3 === 0 ? 'cancelled' : 'delivered',
        approval_requested_by: null,
        approval_requested_at: null,
        approval_decided_by: null,
        approval_decided_at: null,
        approval_decision: null,
        approval_note: null,
        created_by: admin.id,
        version: 1,
        created_at: at,
        updated_at: at,
      };
    });
    if (!deals.length) break;
    await db.insertInto('deals').values(deals).execute();
    const base = (d: (typeof deals)[number], prefix: string) => ({
      id: newId(),
      group_id: groupId,
      store_id: d.store_id,
      deal_id: d.id,
      number: `${prefix}-${d.number}`,
      version: 1,
      created_at: d.created_at,
      updated_at: d.created_at,
    });
    await db
      .insertInto('payments')
      .values(
        deals.map((d) => ({
          ...base(d, 'SK'),
          kind: 'balance',
          method: 'bank_transfer',
          amount: d.due_to_dealer,
          reference: null,
          status: 'confirmed',
          received_at: d.created_at,
          recorded_by: admin.id,
          confirmed_by: admin.id,
          confirmed_at: d.created_at,
          rejection_reason: null,
        })),
      )
      .execute();
    await db
      .insertInto('refunds')
      .values(
        deals.map((d) => ({
          ...base(d, 'TK'),
          amount: 100,
          reason: 'seed',
          source: 'overpayment',
          status: 'paid',
          method: 'cash',
          reference: null,
          created_by: admin.id,
          paid_by: admin.id,
          paid_at: d.created_at,
        })),
      )
      .execute();
    await db
      .insertInto('contracts')
      .values(
        deals.map((d) => ({
          ...base(d, 'HT'),
          version_no: 1,
          previous_contract_id: null,
          status: 'cancelled',
          language: 'zh-CN',
          vin: `VIN${d.number}`,
          active_vin: null,
          terms_json: '{}',
          buyer_kind: 'individual',
          buyer_name: 'x',
          buyer_document_type: 'resident_id',
          buyer_document_enc: sealed,
          buyer_mobile_enc: mobile,
          buyer_address: 'x',
          buyer_employer: 'x',
          id_copy_attachment_id: null,
          identity_verified_by: null,
          identity_verified_at: null,
          customer_signature: null,
          customer_signed_at: null,
          consultant_signature: null,
          consultant_signed_by: null,
          consultant_signed_at: null,
          signed_at: null,
          share_token_hash: null,
          amend_reason: null,
          cancel_reason: 'other',
          cancel_note: null,
          cancelled_by: admin.id,
          cancelled_at: d.created_at,
          created_by: admin.id,
        })),
      )
      .execute();
    await db
      .insertInto('invoices')
      .values(
        deals.map((d) => ({
          ...base(d, 'FP'),
          live_deal_id: null,
          kind: 'blue',
          status: 'voided',
          original_invoice_id: null,
          data_json: invoiceData,
          buyer_tax_id_enc: sealed,
          total_incl_vat: d.due_to_dealer,
          vat: 0,
          price_excl_vat: d.due_to_dealer,
          vat_rate_percent: 13,
          invoice_code: null,
          invoice_no: null,
          issue_date: null,
          issued_by: null,
          void_reason: 'seed',
          voided_at: d.created_at,
          submission_status: 'none',
          submission_ref: null,
          submission_error: null,
          submission_attempts: 0,
        })),
      )
      .execute();
    await db
      .insertInto('deliveries')
      .values(
        deals.map((d) => ({
          ...base(d, 'JC'),
          live_deal_id: null,
          status: 'cancelled',
          scheduled_at: d.created_at,
          place: 'x',
          pdi_json: '[]',
          documents_json: '[]',
          keys_expected: 2,
          keys_handed: 0,
          compensation_rate_ppm: null,
          ceremony_notes: null,
          customer_signature: null,
          customer_signed_at: null,
          registration_status: 'not_requested',
          plate_no: null,
          completed_at: null,
          completed_by: null,
        })),
      )
      .execute();
    await db
      .insertInto('deal_commissions')
      .values(
        deals.map((d) => ({
          deal_id: d.id,
          group_id: groupId,
          store_id: d.store_id,
          consultant_id: admin.id,
          delivered_on: d.created_at.slice(0, 10),
          front_gross: 100,
          back_gross: 0,
          created_at: d.created_at,
        })),
      )
      .execute();
  }
}
