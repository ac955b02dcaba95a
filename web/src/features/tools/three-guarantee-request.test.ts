import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { localRefusals, toThreeGuaranteeRequest } from './three-guarantee-request';

const at = (s: string) => dayjs(s);

describe('三包 form → API request', () => {
  it('sends dates as civil dates, repairs as instants with offset, yuan as fen and n as a fraction', () => {
    const request = toThreeGuaranteeRequest({
      invoiceDate: at('2026-01-10'),
      assessDate: at('2026-04-01'),
      odometerKm: 5000,
      priceInclVat: '226,000',
      compensationRate: 0.5,
      hasFailure: false,
      failure: { date: at('2026-03-30') },
      repairs: [
        {
          problem: ' Engine stalls ',
          system: 'engine',
          component: 'other',
          startedAt: at('2026-02-01T09:00:00'),
          completedAt: at('2026-02-17T09:00:00'),
          replaced: 'none',
          fixed: true,
        },
      ],
    });
    expect(request.invoiceDate).toBe('2026-01-10');
    expect(request.priceInclVat).toBe(22_600_000);
    expect(request.compensationRate).toBeCloseTo(0.005);
    expect(request.failure).toBeUndefined();
    expect(request.repairs[0]?.problem).toBe('Engine stalls');
    expect(request.repairs[0]?.replaced).toBeUndefined();
    expect(request.repairs[0]?.startedAt).toMatch(/^2026-02-01T09:00:00[+-]\d\d:\d\d$/);
    expect(localRefusals(request, 'en')).toEqual([]);
  });

  it('puts the schema refusals on the fields they name, worded by the rule library', () => {
    const request = toThreeGuaranteeRequest({
      invoiceDate: at('2026-01-10'),
      assessDate: at('2026-04-01'),
      odometerKm: 5000,
      compensationRate: 0.8,
      repairs: [
        {
          problem: 'Noise',
          system: 'body',
          component: 'other',
          startedAt: at('2026-02-05T09:00:00'),
          completedAt: at('2026-02-01T09:00:00'),
          fixed: true,
        },
      ],
    });
    expect(localRefusals(request, 'zh-CN')).toEqual([
      { name: ['compensationRate'], errors: ['使用补偿系数 n 不得高于 0.5%（第二十七条）。'] },
      { name: ['repairs', 0, 'completedAt'], errors: ['修理完成时间早于开始时间。'] },
    ]);
  });
});
