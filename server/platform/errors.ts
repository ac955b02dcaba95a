/**
 * One error type with stable codes (architecture rule 7). The map from code to HTTP status is a
 * `satisfies Record<...>` object, so adding a code without a status (or a title) fails to compile.
 */
export const errorStatus = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.too_large': 400,
  'request.unsupported_media_type': 400,
  'auth.not_signed_in': 401,
  'auth.invalid_credentials': 401,
  'auth.too_many_attempts': 429,
  'auth.csrf_failed': 403,
  'auth.forbidden': 403,
  'resource.not_found': 404,
  'resource.version_conflict': 409,
  'resource.duplicate': 409,
  'resource.state_conflict': 409,
  'idempotency.key_reused': 422,
  'identity.username_taken': 409,
  'identity.store_code_taken': 409,
  'identity.unknown_store': 422,
  'identity.invalid_id_number': 400,
  'identity.cannot_disable_self': 422,
  'identity.last_group_admin': 422,
  'catalog.code_taken': 409,
  'catalog.unknown_reference': 422,
  'catalog.colour_in_use': 422,
  'catalog.price_list_not_draft': 409,
  'catalog.price_above_display': 422,
  'catalog.fee_not_on_display': 422,
  'vehicles.invalid_vin': 400,
  'vehicles.vin_exists': 409,
  'vehicles.reserved_by_other': 403,
  'vehicles.transfer_same_store': 422,
  'vehicles.nev_required_in_showroom': 422,
  'crm.duplicate_customer': 409,
  'crm.vin_on_other_customer': 409,
  'crm.customer_merged': 409,
  'crm.merge_same_customer': 422,
  'crm.unknown_owner': 422,
  'crm.vehicle_not_available': 422,
  'crm.vehicle_on_test_drive': 409,
  'crm.licence_not_checked': 422,
  'crm.licence_expired': 422,
  'crm.mileage_below_last': 422,
  'crm.not_on_price_list': 422,
  'parts.part_no_taken': 409,
  'parts.barcode_taken': 409,
  'parts.insufficient_stock': 409,
  'parts.count_below_reserved': 422,
  'parts.supplier_not_approved': 422,
  'parts.receipt_exceeds_order': 422,
  'parts.same_store': 422,
  'service.no_capacity': 409,
  'service.outside_opening_hours': 422,
  'service.line_not_approved': 422,
  'service.approval_expired': 404,
  'service.approval_used': 409,
  'service.lines_undecided': 422,
  'service.qc_incomplete': 422,
  'service.payments_mismatch': 422,
  'service.not_settled': 422,
  'service.issue_exceeds_approved': 422,
  'service.skill_missing': 422,
  'sales.discount_over_limit': 422,
  'sales.vehicle_not_available': 422,
  'sales.vin_on_active_contract': 409,
  'sales.contract_not_ready': 422,
  'sales.payments_awaiting_confirmation': 409,
  'sales.invoice_outstanding': 409,
  'sales.not_fully_paid': 422,
  'sales.delivery_blocked': 422,
  'sales.refund_exceeds_overpayment': 422,
  'import.rows_invalid': 422,
  'import.unreadable_file': 400,
  'backup.database_not_empty': 422,
  'backup.bad_archive': 422,
  'internal.error': 500,
} as const satisfies Record<string, 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500>;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  path: string;
  message: string;
  code: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  readonly errors: FieldError[] | undefined;
  /** RFC 9457 extension members of the answer (e.g. the matching customers of a duplicate). */
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    options: {
      params?: Record<string, string | number>;
      errors?: FieldError[];
      detail?: string;
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(options.detail ?? code);
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.params = options.params ?? {};
    this.errors = options.errors;
    this.extensions = options.extensions;
  }
}

export const notFound = (entity: string) => new AppError('resource.not_found', { params: { entity } });
export const forbidden = () => new AppError('auth.forbidden');
export const versionConflict = (current: number) =>
  new AppError('resource.version_conflict', { params: { current } });
