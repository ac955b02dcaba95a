import { MODEL_YEAR_CODES, withVinCheckDigit } from '../common/rules/vin';
import { httpCall } from './http-client';

/** The seeded values a workload picks from: plain data, so the load-generator thread gets a copy. */
export interface BenchData {
  token: string;
  storeId: string;
  /** Ids and values picked from the seeded data. */
  trim: { id: string; modelYear: number; name: string };
  vins: string[];
  /** Seeded customers with a car: name, primary mobile, plate, VIN. */
  customers: { name: string; mobile: string; plate: string; vin: string }[];
  /** Three parts with ample stock in the store (the counter sale sells one of each). */
  parts: string[];
  /** Their part numbers, as a repair order's part lines name them. */
  partNos: string[];
  /** Customers' cars without an open repair order, with their last odometer reading: one per repair order. */
  customerVehicles: { id: string; km: number }[];
}

/** What a workload may use: the seeded data, the admin's bearer token and a way to call the API. */
export interface BenchContext extends BenchData {
  send(method: string, path: string, body?: unknown): Promise<unknown>;
}

/** Calls the API at `address` as the bench's admin (bearer token), in English; non-2xx throws. */
export function apiSender(address: string, token: string): BenchContext['send'] {
  return async (method, path, body) => {
    const { status, text } = await httpCall(
      address,
      method,
      path,
      {
        authorization: `Bearer ${token}`,
        'accept-language': 'en',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body !== undefined ? JSON.stringify(body) : undefined,
    );
    if (status < 200 || status > 299) throw new Error(`${method} ${path}: ${status} ${text.slice(0, 600)}`);
    return JSON.parse(text) as unknown;
  };
}

/**
 * One benchmark workload: `op` is one user action (one or more API calls). The raw-transaction baseline
 * replays the SQL that `op(ctx, 0)` made the app run, straight through Kysely, so a workload needs no
 * second implementation; values that must stay unique per operation (a VIN) are listed by `unique`.
 */
export interface Workload {
  name: string;
  kind: 'search' | 'list' | 'read' | 'write';
  concurrency?: number;
  op(ctx: BenchContext, i: number): Promise<unknown>;
  /** Values of operation i that the database keeps unique (template i = 0 is swapped for them). */
  unique?(ctx: BenchContext, i: number): string[];
}

/** A valid, unique VIN per number (WMI LSV, the trim's model year, a correct check digit). */
const vinFor = (ctx: BenchContext, i: number) => {
  const year = MODEL_YEAR_CODES.charAt((((ctx.trim.modelYear - 1980) % 30) + 30) % 30);
  const serial = String(i % 1_000_000).padStart(6, '0');
  const extra = 'ABCDEFGHJK'.charAt(Math.floor(i / 1_000_000) % 10);
  return withVinCheckDigit(`LSVBENCH0${year}${extra}${serial}`)!;
};

const customerAt = (ctx: BenchContext, i: number) => ctx.customers[(i * 7) % ctx.customers.length]!;
const searchCustomers = (ctx: BenchContext, q: string) =>
  ctx.send('GET', `/api/v1/customers?limit=20&q=${encodeURIComponent(q)}`);
/** A valid mobile per operation, apart from the seeded ones (segment 138 is not used by the generator). */
const benchMobile = (i: number) => `138${String(i % 100_000_000).padStart(8, '0')}`;
/** The customer and lead numbers the template operation got, swapped for unique ones in the raw replay. */
const templateNumbers = { customer: '', lead: '', partsOrder: '', repairOrder: '' };

interface OrderAnswer {
  id: string;
  number: string;
  version: number;
  lines: { id: string }[];
}
/** Check-in to an approved estimate: the advisor's five steps, each at the order's latest version. */
async function approvedRepairOrder(ctx: BenchContext, i: number) {
  const car = ctx.customerVehicles[i % ctx.customerVehicles.length]!;
  let order = (await ctx.send('POST', '/api/v1/repair-orders', {
    storeId: ctx.storeId,
    customerVehicleId: car.id,
    odometerKm: car.km + 1_200,
    customerConcern: '保养，刹车有异响',
  })) as OrderAnswer;
  const step = async (path: string, body: Record<string, unknown>) => {
    order = (await ctx.send('POST', `/api/v1/repair-orders/${order.id}/${path}`, {
      version: order.version,
      ...body,
    })) as OrderAnswer;
  };
  await step('diagnosis', { findings: '前刹车片磨损，按里程保养' });
  await step('lines', { kind: 'labor', description: '更换机油机滤', hoursCenti: 50 });
  await step('lines', {
    kind: 'part',
    description: '机油滤清器',
    partNumber: ctx.partNos[0],
    unitPrice: 8_800,
  });
  await step('lines', {
    kind: 'part',
    description: '空气滤清器',
    partNumber: ctx.partNos[1],
    unitPrice: 8_800,
  });
  await step('approvals', {
    signerName: '客户',
    decisions: order.lines.map((l) => ({ lineId: l.id, decision: 'approved' })),
  });
  return order;
}

export const workloads: Workload[] = [
  {
    name: 'vehicle list (first page)',
    kind: 'list',
    op: (ctx) => ctx.send('GET', '/api/v1/vehicles?limit=50'),
  },
  {
    name: 'vehicle search by VIN',
    kind: 'search',
    op: (ctx, i) => ctx.send('GET', `/api/v1/vehicles?q=${ctx.vins[i % ctx.vins.length]!.slice(-8)}`),
  },
  {
    name: 'trim catalogue search',
    kind: 'search',
    op: (ctx) => ctx.send('GET', `/api/v1/trims?limit=20&q=${encodeURIComponent(ctx.trim.name.slice(0, 4))}`),
  },
  {
    name: 'GET /api/v1/auth/me (bearer)',
    kind: 'read',
    op: (ctx) => ctx.send('GET', '/api/v1/auth/me'),
  },
  {
    name: 'customer search: mobile',
    kind: 'search',
    op: (ctx, i) => searchCustomers(ctx, customerAt(ctx, i).mobile),
  },
  {
    name: 'customer search: mobile last 4',
    kind: 'search',
    op: (ctx, i) => searchCustomers(ctx, customerAt(ctx, i).mobile.slice(-4)),
  },
  {
    name: 'customer search: plate',
    kind: 'search',
    op: (ctx, i) => searchCustomers(ctx, customerAt(ctx, i).plate),
  },
  {
    name: 'customer search: VIN last 6',
    kind: 'search',
    op: (ctx, i) => searchCustomers(ctx, customerAt(ctx, i).vin.slice(-6)),
  },
  {
    name: 'customer search: name prefix',
    kind: 'search',
    op: (ctx, i) => searchCustomers(ctx, [...customerAt(ctx, i).name].slice(0, 2).join('')),
  },
  {
    name: 'create customer + lead',
    kind: 'write',
    concurrency: 32,
    unique: (_ctx, i) =>
      i === 9_999_999
        ? [benchMobile(i), templateNumbers.customer, templateNumbers.lead]
        : [benchMobile(i), `CU-RAW-${i}`, `LD-RAW-${i}`],
    op: async (ctx, i) => {
      const customer = (await ctx.send('POST', '/api/v1/customers', {
        type: 'individual',
        name: '压测客户',
        mobiles: [benchMobile(i)],
        storeId: ctx.storeId,
      })) as { id: string; number: string };
      const lead = (await ctx.send('POST', '/api/v1/leads', {
        storeId: ctx.storeId,
        source: 'walk_in',
        customerId: customer.id,
        interest: '家用 SUV',
      })) as { number: string };
      if (i === 9_999_999) Object.assign(templateNumbers, { customer: customer.number, lead: lead.number });
      return lead;
    },
  },
  {
    name: 'create + reserve a vehicle',
    kind: 'write',
    concurrency: 50,
    unique: (ctx, i) => [vinFor(ctx, 100_000 + i)],
    op: async (ctx, i) => {
      const vehicle = (await ctx.send('POST', '/api/v1/vehicles', {
        vin: vinFor(ctx, 100_000 + i),
        trimId: ctx.trim.id,
        storeId: ctx.storeId,
      })) as { id: string };
      return ctx.send('POST', `/api/v1/vehicles/${vehicle.id}/reserve`, { hours: 48 });
    },
  },
  {
    // issue 9: a parts over-the-counter sale of 3 lines confirmed (reserve, ledger movements, invoice data)
    name: 'parts counter sale, 3 lines',
    kind: 'write',
    concurrency: 32,
    unique: (_ctx, i) => (i === 9_999_999 ? [templateNumbers.partsOrder] : [`PT-RAW-${i}`]),
    op: async (ctx, i) => {
      const order = (await ctx.send('POST', '/api/v1/parts-orders/counter-sale', {
        storeId: ctx.storeId,
        customerName: '散客',
        lines: ctx.parts.map((partId, k) => ({ partId, qty: 1 + ((i + k) % 3) })),
      })) as { number: string };
      if (i === 9_999_999) templateNumbers.partsOrder = order.number;
      return order;
    },
  },
  {
    // issue 9: a repair order with 3 approved lines (labour and two parts, reserved from stock on approval)
    name: 'repair order, 3 approved lines',
    kind: 'write',
    concurrency: 32,
    unique: (_ctx, i) => (i === 9_999_999 ? [templateNumbers.repairOrder] : [`RO-RAW-${i}`]),
    op: async (ctx, i) => {
      const order = await approvedRepairOrder(ctx, i);
      if (i === 9_999_999) templateNumbers.repairOrder = order.number;
      return order;
    },
  },
];
