import { MODEL_YEAR_CODES, withVinCheckDigit } from '../common/rules/vin';
import type { TestApp } from '../server/test/harness';

/** What a workload may use: the app's data, the admin's bearer token and a way to call the API. */
export interface BenchContext {
  t: TestApp;
  token: string;
  storeId: string;
  /** Ids and values picked from the seeded data. */
  trim: { id: string; modelYear: number; name: string };
  vins: string[];
  /** Seeded customers with a car: name, primary mobile, plate, VIN. */
  customers: { name: string; mobile: string; plate: string; vin: string }[];
  /** Three parts with ample stock in the store (the counter sale sells one of each). */
  parts: string[];
  send(method: string, path: string, body?: unknown): Promise<unknown>;
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
const templateNumbers = { customer: '', lead: '', partsOrder: '' };

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
];
