import type { Dayjs } from 'dayjs';
import { formatRuleMessage } from '@common/rules/messages';
import type { RuleLanguage } from '@common/rules/messages';
import { parseYuanToFen } from '@common/rules/money';
import { threeGuaranteeRequestSchema } from '@common/rules/rules.schemas';
import type {
  TgComponent,
  TgFailureKind,
  TgSystem,
  ThreeGuaranteeRequest,
} from '@common/rules/three-guarantee-types';

export interface TgRepairValues {
  problem?: string;
  system?: TgSystem;
  component?: TgComponent;
  seriousSafety?: boolean;
  startedAt?: Dayjs | null;
  completedAt?: Dayjs | null;
  excludedHours?: number | null;
  replaced?: 'assembly' | 'main_part' | 'none';
  fixed?: boolean;
}

/** The 三包 form's values; field names follow the API request so the server's error paths land on them. */
export interface TgFormValues {
  invoiceDate?: Dayjs | null;
  deliveryDate?: Dayjs | null;
  assessDate?: Dayjs | null;
  odometerKm?: number | null;
  /** Yuan as typed; sent in fen. */
  priceInclVat?: string;
  /** n in percent as typed (0.5 = 0.5 %); sent as a fraction. */
  compensationRate?: number | null;
  hasFailure?: boolean;
  failure?: {
    date?: Dayjs | null;
    odometerKm?: number | null;
    system?: TgSystem;
    component?: TgComponent;
    kind?: TgFailureKind;
    seriousSafety?: boolean;
  };
  repairs?: TgRepairValues[];
}

export const tgFieldNames = [
  'invoiceDate',
  'deliveryDate',
  'assessDate',
  'odometerKm',
  'priceInclVat',
  'compensationRate',
  'failure',
  'repairs',
] as const;

const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD') ?? '';
const instant = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DDTHH:mm:ssZ') ?? '';

/**
 * The API request from the form (required fields were checked by the form). A price that is not
 * a yuan amount is kept as NaN so the schema refuses it on its field.
 */
export function toThreeGuaranteeRequest(v: TgFormValues): ThreeGuaranteeRequest {
  const request: ThreeGuaranteeRequest = {
    invoiceDate: day(v.invoiceDate),
    assessDate: day(v.assessDate),
    odometerKm: v.odometerKm ?? 0,
    repairs: (v.repairs ?? []).map((r) => ({
      problem: (r.problem ?? '').trim(),
      system: r.system ?? 'other',
      component: r.component ?? 'other',
      seriousSafety: r.seriousSafety ?? false,
      startedAt: instant(r.startedAt),
      completedAt: instant(r.completedAt),
      ...(r.excludedHours ? { excludedHours: r.excludedHours } : {}),
      ...(r.replaced && r.replaced !== 'none' ? { replaced: r.replaced } : {}),
      fixed: r.fixed ?? false,
    })),
  };
  if (v.deliveryDate) request.deliveryDate = day(v.deliveryDate);
  if (v.priceInclVat?.trim()) request.priceInclVat = parseYuanToFen(v.priceInclVat) ?? Number.NaN;
  if (v.compensationRate !== null && v.compensationRate !== undefined)
    request.compensationRate = v.compensationRate / 100;
  const f = v.failure;
  if (v.hasFailure && f) {
    request.failure = {
      date: day(f.date),
      odometerKm: f.odometerKm ?? 0,
      system: f.system ?? 'other',
      component: f.component ?? 'other',
      kind: f.kind ?? 'quality',
      seriousSafety: f.seriousSafety ?? false,
    };
  }
  return request;
}

export interface FieldMessage {
  name: (string | number)[];
  errors: string[];
}

/**
 * Checks the request with the API's own schema in the browser. Returns the refusals the rule library
 * words (codes `rules.*`) as field messages in `lang`; other refusals are left to the server.
 */
export function localRefusals(request: ThreeGuaranteeRequest, lang: RuleLanguage): FieldMessage[] {
  const parsed = threeGuaranteeRequestSchema.safeParse(request);
  if (parsed.success) return [];
  return parsed.error.issues
    .filter((i) => i.message.startsWith('rules.'))
    .map((i) => ({
      name: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
      errors: [formatRuleMessage(i.message, undefined, lang)],
    }));
}
