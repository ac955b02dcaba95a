import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeVin } from './vin';
import { localizeIssues } from './messages';
import {
  amountInWordsRequestSchema,
  threeGuaranteeRequestSchema,
  threeGuaranteeResultSchema,
  validateRequestSchema,
  validateResultSchema,
  vehicleTaxRequestSchema,
  vehicleTaxResultSchema,
  vinDecodeResultSchema,
} from './rules.schemas';
import { assessThreeGuarantee } from './three-guarantee';
import type { ThreeGuaranteeRequest } from './three-guarantee-types';
import { validateByKind } from './validate';
import { computeVehicleTax, type VehicleTaxRequest } from './vehicle-tax';

// Compile-time: parsed requests are what the pure functions accept.
const _tg: (x: z.infer<typeof threeGuaranteeRequestSchema>) => ThreeGuaranteeRequest = (x) => x;
const _vt: (x: z.infer<typeof vehicleTaxRequestSchema>) => VehicleTaxRequest = (x) => x;
void _tg;
void _vt;

const issuesOf = (r: { success: boolean; error?: z.ZodError }) =>
  (r.error?.issues ?? []).map((i) => ({ path: i.path.join('.'), message: i.message }));

const validRequest = {
  invoiceDate: '2024-02-29',
  assessDate: '2024-06-01',
  odometerKm: 5000,
  priceInclVat: 22600000,
  compensationRate: 0.005,
  failure: {
    date: '2024-05-01',
    odometerKm: 4000,
    system: 'engine',
    component: 'main_part',
    kind: 'quality',
  },
  repairs: [
    {
      problem: 'p',
      system: 'engine',
      component: 'main_part',
      startedAt: '2024-05-01T09:00:00+08:00',
      completedAt: '2024-05-02T09:00:00+08:00',
      fixed: true,
    },
  ],
};

describe('three-guarantee request schema', () => {
  it('accepts a well-formed request', () => {
    expect(threeGuaranteeRequestSchema.safeParse(validRequest).success).toBe(true);
  });

  it('refuses completion before start, naming the field', () => {
    const bad = {
      ...validRequest,
      repairs: [{ ...validRequest.repairs[0], completedAt: '2024-04-30T09:00:00+08:00' }],
    };
    expect(issuesOf(threeGuaranteeRequestSchema.safeParse(bad))).toEqual([
      { path: 'repairs.0.completedAt', message: 'rules.three_guarantee.completed_before_started' },
    ]);
  });

  it('refuses negative km and n > 0.5 %', () => {
    expect(
      issuesOf(threeGuaranteeRequestSchema.safeParse({ ...validRequest, odometerKm: -1 })),
    ).toContainEqual({
      path: 'odometerKm',
      message: 'rules.three_guarantee.negative_km',
    });
    expect(
      issuesOf(threeGuaranteeRequestSchema.safeParse({ ...validRequest, compensationRate: 0.0051 })),
    ).toEqual([{ path: 'compensationRate', message: 'rules.three_guarantee.rate_too_high' }]);
    const negFailure = { ...validRequest, failure: { ...validRequest.failure, odometerKm: -5 } };
    expect(issuesOf(threeGuaranteeRequestSchema.safeParse(negFailure)).map((i) => i.path)).toContain(
      'failure.odometerKm',
    );
  });

  it('refuses impossible dates, unknown fields and events after the assessment', () => {
    expect(
      issuesOf(threeGuaranteeRequestSchema.safeParse({ ...validRequest, invoiceDate: '2023-02-29' })),
    ).toEqual([{ path: 'invoiceDate', message: 'rules.input.bad_date' }]);
    const unknown = threeGuaranteeRequestSchema.safeParse({ ...validRequest, extra: 1 });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(
      issuesOf(threeGuaranteeRequestSchema.safeParse({ ...validRequest, assessDate: '2024-05-01' })).map(
        (i) => i.path,
      ),
    ).toEqual(['repairs.0.completedAt']);
    expect(
      issuesOf(threeGuaranteeRequestSchema.safeParse({ ...validRequest, odometerKm: 3000 })).map(
        (i) => i.path,
      ),
    ).toEqual(['failure.odometerKm']);
    expect(
      threeGuaranteeRequestSchema.safeParse({
        ...validRequest,
        repairs: [{ ...validRequest.repairs[0], startedAt: '2024-05-01 09:00' }],
      }).success,
    ).toBe(false);
  });

  it('the assessment result matches its schema', () => {
    const req = threeGuaranteeRequestSchema.parse(validRequest);
    expect(threeGuaranteeResultSchema.safeParse(assessThreeGuarantee(req)).success).toBe(true);
  });
});

describe('other request and result schemas', () => {
  it('vehicle tax', () => {
    const req = vehicleTaxRequestSchema.parse({
      totalInclVat: 22600000,
      purchaseDate: '2026-01-01',
      energy: 'bev',
    });
    expect(vehicleTaxResultSchema.safeParse(computeVehicleTax(req)).success).toBe(true);
    expect(
      vehicleTaxRequestSchema.safeParse({ totalInclVat: 1.5, purchaseDate: '2026-01-01', energy: 'bev' })
        .success,
    ).toBe(false);
    expect(
      vehicleTaxRequestSchema.safeParse({ totalInclVat: -1, purchaseDate: '2026-01-01', energy: 'bev' })
        .success,
    ).toBe(false);
    expect(
      vehicleTaxRequestSchema.safeParse({ totalInclVat: 1, purchaseDate: '2026-01-01', energy: 'diesel' })
        .success,
    ).toBe(false);
  });

  it('amount in words and validate', () => {
    expect(amountInWordsRequestSchema.safeParse({ amount: 22600000 }).success).toBe(true);
    expect(amountInWordsRequestSchema.safeParse({ amount: '226000' }).success).toBe(false);
    expect(validateRequestSchema.safeParse({ kind: 'vin', value: 'x' }).success).toBe(true);
    expect(validateRequestSchema.safeParse({ kind: 'iban', value: 'x' }).success).toBe(false);
  });

  it('localized results match the response schemas', () => {
    const vin = decodeVin('1HGCM82633A004353');
    const vinResponse = {
      ...vin,
      errors: localizeIssues(vin.errors, 'en'),
      warnings: localizeIssues(vin.warnings, 'en'),
    };
    expect(vinDecodeResultSchema.safeParse(vinResponse).success).toBe(true);
    for (const [kind, value] of [
      ['vin', '1HGCM82633A004352'],
      ['cn-resident-id', '11010519491231002X'],
      ['uscc', '91110000600037341L'],
      ['cn-mobile', '13812345678'],
      ['cn-plate', '京A12345D'],
      ['cn-plate', 'x'],
    ] as const) {
      const r = validateByKind(kind, value, { today: '2026-01-01' });
      const response = {
        ...r,
        errors: localizeIssues(r.errors, 'zh-CN'),
        warnings: localizeIssues(r.warnings, 'zh-CN'),
        details: r.details ?? null,
      };
      expect(validateResultSchema.safeParse(response).success, `${kind} ${value}`).toBe(true);
    }
  });

  it('schemas carry OpenAPI ids', () => {
    const json = JSON.stringify(z.toJSONSchema(threeGuaranteeRequestSchema));
    expect(json).toContain('ThreeGuaranteeRequest');
    expect(z.globalRegistry.get(vinDecodeResultSchema)?.id).toBe('VinDecodeResult');
  });
});
