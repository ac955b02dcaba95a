/**
 * Input and output shapes of the 三包 assessment (SAMR Order No. 43).
 */
import type { RuleIssue } from './result';
import type { ThreeGuaranteeWindow, ThreeGuaranteeWindows } from './three-guarantee-windows';

export const TG_SYSTEMS = [
  'engine',
  'transmission',
  'traction_battery',
  'drive_motor',
  'steering',
  'brake',
  'suspension',
  'drivetrain',
  'emission_control',
  'body',
  'other',
] as const;
export type TgSystem = (typeof TG_SYSTEMS)[number];

/** 三包 Arts. 20, 22, 24(2): engine, transmission, traction battery, drive motor. */
export const TG_CORE_SYSTEMS: readonly TgSystem[] = [
  'engine',
  'transmission',
  'traction_battery',
  'drive_motor',
];

export const TG_COMPONENTS = ['assembly', 'main_part', 'other'] as const;
export type TgComponent = (typeof TG_COMPONENTS)[number];

export const TG_FAILURE_KINDS = [
  'quality',
  'steering_failure',
  'brake_failure',
  'body_crack',
  'fuel_leak',
  'battery_fire',
] as const;
export type TgFailureKind = (typeof TG_FAILURE_KINDS)[number];

export interface TgFailure {
  date: string;
  odometerKm: number;
  system: TgSystem;
  component: TgComponent;
  kind: TgFailureKind;
  seriousSafety?: boolean;
  /** Identifies the main part (same string = same part) for Art. 24(3); optional. */
  part?: string;
}

export interface TgRepair {
  /** Same string = same quality problem (Art. 24(4)). */
  problem: string;
  system: TgSystem;
  component: TgComponent;
  seriousSafety?: boolean;
  /** ISO-8601 instant with offset: when consumer and repairer settled the repair (Art. 40). */
  startedAt: string;
  completedAt: string;
  /** Hours excluded under Art. 40 (custom anti-theft parts, main harness, battery shipping, rescue travel). */
  excludedHours?: number;
  replaced?: 'assembly' | 'main_part';
  fixed: boolean;
  /** Odometer when the repair started; when given, the distance limits apply to the repair too. */
  odometerKm?: number;
  /** Identifies the replaced main part for Art. 24(3); defaults to `problem`. */
  part?: string;
}

export interface ThreeGuaranteeRequest {
  invoiceDate: string;
  deliveryDate?: string;
  /** The business date of the assessment (no hidden clock). */
  assessDate: string;
  /** Odometer at assessDate. */
  odometerKm: number;
  /** Car price (车价款) in fen, for the Art. 27 usage compensation. */
  priceInclVat?: number;
  /** Usage compensation factor n (Art. 27), at most 0.005. */
  compensationRate?: number;
  failure?: TgFailure;
  repairs: TgRepair[];
}

export type TgRemedyKind = 'return_or_replace' | 'replace_assembly' | 'free_repair' | 'spare_car';

export interface TgRemedy {
  remedy: TgRemedyKind;
  /** Article (and item) of Order No. 43, e.g. '24(1)'. */
  article: string;
  reason: RuleIssue;
}

/** One article examined, met or not, with the reason (for the article-by-article explanation). */
export interface TgCheck {
  article: string;
  met: boolean;
  reason: RuleIssue;
}

export interface TgWindowState extends ThreeGuaranteeWindow {
  /** Whether the window is still open on assessDate at the assessed odometer. */
  open: boolean;
}

export interface TgUsageCompensation {
  priceInclVat: number;
  km: number;
  rate: number;
  /** Whether `rate` is the 0.5 % maximum used because no rate was given. */
  rateIsMaximum: boolean;
  amount: number;
  article: '27';
}

export interface ThreeGuaranteeResult {
  periodStart: string;
  windows: { [K in keyof ThreeGuaranteeWindows]: TgWindowState };
  remedies: TgRemedy[];
  checks: TgCheck[];
  repairDays: {
    /** Art. 40 days of each repair, in input order. */
    perRepair: number[];
    /** Sum over the repairs started within the 三包 validity (Art. 24(4)). */
    cumulative: number;
  };
  /** Repairs per problem within the 三包 validity (Art. 24(4)). */
  sameProblemRepairs: Record<string, number>;
  usageCompensation?: TgUsageCompensation;
}
