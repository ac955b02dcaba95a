import type { ErrorCode } from './errors';

/** Server-side messages in the two languages the product speaks. */
export type Lang = 'zh-CN' | 'en';

export const errorTitles: Record<ErrorCode, Record<Lang, string>> = {
  'request.invalid': { en: 'The request has invalid fields', 'zh-CN': '请求中有字段不正确' },
  'request.malformed_json': { en: 'The request body is not valid JSON', 'zh-CN': '请求内容不是有效的 JSON' },
  'request.too_large': { en: 'The request body is too large', 'zh-CN': '请求内容过大' },
  'request.unsupported_media_type': {
    en: 'The request body must be JSON',
    'zh-CN': '请求内容必须是 JSON',
  },
  'auth.not_signed_in': { en: 'Please sign in', 'zh-CN': '请先登录' },
  'auth.invalid_credentials': { en: 'Wrong username or password', 'zh-CN': '用户名或密码错误' },
  'auth.too_many_attempts': {
    en: 'Too many failed sign-in attempts; try again in {minutes} minutes',
    'zh-CN': '登录失败次数过多，请 {minutes} 分钟后再试',
  },
  'auth.csrf_failed': {
    en: 'The request is missing its security token; reload the page',
    'zh-CN': '请求缺少安全令牌，请刷新页面',
  },
  'auth.forbidden': { en: 'You are not allowed to do this', 'zh-CN': '您没有执行此操作的权限' },
  'resource.not_found': { en: 'Not found', 'zh-CN': '未找到' },
  'resource.version_conflict': {
    en: 'Someone else changed this record (now version {current}); reload and try again',
    'zh-CN': '此记录已被他人修改（当前版本 {current}），请刷新后重试',
  },
  'resource.duplicate': { en: 'This record already exists', 'zh-CN': '记录已存在' },
  'resource.state_conflict': {
    en: 'Not possible in the current state ({state})',
    'zh-CN': '当前状态（{state}）下不能执行此操作',
  },
  'idempotency.key_reused': {
    en: 'This Idempotency-Key was already used for a different request (another path or body)',
    'zh-CN': '此幂等键已用于另一个请求（路径或内容不同）',
  },
  'identity.username_taken': { en: 'This username is already taken', 'zh-CN': '用户名已被占用' },
  'identity.store_code_taken': { en: 'A store with this code already exists', 'zh-CN': '门店代码已存在' },
  'identity.unknown_store': { en: 'Unknown store', 'zh-CN': '门店不存在' },
  'identity.invalid_id_number': { en: 'Invalid identity number', 'zh-CN': '身份证号码无效' },
  'identity.cannot_disable_self': {
    en: 'You cannot disable your own account',
    'zh-CN': '不能停用自己的账号',
  },
  'identity.last_group_admin': {
    en: 'The group must keep at least one active group administrator',
    'zh-CN': '集团至少需要保留一名有效的集团管理员',
  },
  'catalog.code_taken': {
    en: 'This code is already used in the catalogue',
    'zh-CN': '该编码在车型目录中已被使用',
  },
  'catalog.unknown_reference': {
    en: 'A referenced catalogue record does not exist',
    'zh-CN': '引用的目录记录不存在',
  },
  'catalog.colour_in_use': {
    en: 'A colour that stock vehicles use cannot be removed',
    'zh-CN': '库存车辆正在使用的颜色不能删除',
  },
  'catalog.price_list_not_draft': {
    en: 'Only a draft price list can be changed (this one is {status})',
    'zh-CN': '只能修改草稿状态的价目表（当前为 {status}）',
  },
  'catalog.price_above_display': {
    en: 'Price {price} is above the displayed price {displayPrice} (汽车销售管理办法 Art. 10)',
    'zh-CN': '价格 {price} 高于明示标价 {displayPrice}（《汽车销售管理办法》第十条）',
  },
  'catalog.fee_not_on_display': {
    en: 'This fee is not on the published fee schedule (汽车销售管理办法 Art. 10)',
    'zh-CN': '该费用未在明示的收费标准中（《汽车销售管理办法》第十条）',
  },
  'vehicles.invalid_vin': { en: 'The VIN is not valid', 'zh-CN': '车架号（VIN）无效' },
  'vehicles.vin_exists': {
    en: 'A vehicle with this VIN is already in stock',
    'zh-CN': '该车架号的车辆已在库存中',
  },
  'vehicles.reserved_by_other': {
    en: 'Another consultant holds this reservation; a manager can release it',
    'zh-CN': '该车已被其他顾问预留，需由经理释放',
  },
  'vehicles.transfer_same_store': {
    en: 'A transfer goes to another store of the group',
    'zh-CN': '调拨必须调往集团内的其他门店',
  },
  'vehicles.nev_required_in_showroom': {
    en: 'This store sells new-energy vehicles: the showroom plan must show at least one',
    'zh-CN': '本店销售新能源车，展厅方案中至少应展示一台新能源车',
  },
  'crm.duplicate_customer': {
    en: 'A customer with the same {fields} already exists; open it, merge, or confirm a new customer',
    'zh-CN': '已存在相同{fields}的客户：请打开该客户、合并，或确认新建',
  },
  'crm.vin_on_other_customer': {
    en: 'This VIN is already registered to another customer of the group',
    'zh-CN': '该车架号已登记在集团内的其他客户名下',
  },
  'crm.customer_merged': {
    en: 'This customer was merged into another one; change that one instead',
    'zh-CN': '该客户已合并到其他客户，请修改合并后的客户',
  },
  'crm.merge_same_customer': {
    en: 'A customer cannot be merged into itself',
    'zh-CN': '客户不能与自身合并',
  },
  'crm.vehicle_not_available': {
    en: 'Only a demo or in-stock car of the store can be test-driven (this one is {status})',
    'zh-CN': '只有本店的试驾车或在库车辆可以试驾（该车当前为 {status}）',
  },
  'crm.vehicle_on_test_drive': {
    en: 'This car is out on another test drive',
    'zh-CN': '该车正在进行另一场试驾',
  },
  'crm.licence_not_checked': {
    en: 'Check the driving licence before the test drive starts',
    'zh-CN': '试驾开始前必须核验驾驶证',
  },
  'crm.licence_expired': {
    en: 'The driving licence has expired ({validUntil})',
    'zh-CN': '驾驶证已过期（有效期至 {validUntil}）',
  },
  'crm.unknown_owner': {
    en: 'The owner must be an active staff member of the customer’s store',
    'zh-CN': '负责人必须是该客户所属门店的在职员工',
  },
  'crm.mileage_below_last': {
    en: 'The reading is below the last one; give a reason',
    'zh-CN': '里程读数低于上次记录，请填写原因',
  },
  'crm.not_on_price_list': {
    en: 'Not on the price list the store displays today (汽车销售管理办法 Art. 10)',
    'zh-CN': '不在本店今日明示的价目表中（《汽车销售管理办法》第十条）',
  },
  'sales.discount_over_limit': {
    en: 'The discount {discount} is above your limit {limit}: it needs the approval of a manager whose limit covers it',
    'zh-CN': '优惠 {discount} 超出您的权限 {limit}：需由权限足够的经理审批',
  },
  'sales.vehicle_not_available': {
    en: 'This vehicle cannot be sold on this deal (it is {status})',
    'zh-CN': '该车辆无法用于本单销售（当前状态：{status}）',
  },
  'sales.vin_on_active_contract': {
    en: 'This VIN is already on another active contract',
    'zh-CN': '该车架号已在另一份有效合同中',
  },
  'sales.contract_not_ready': {
    en: 'The contract cannot be signed yet: complete the preparation checks',
    'zh-CN': '合同尚不能签署：请先完成签约前检查',
  },
  'sales.payments_awaiting_confirmation': {
    en: 'Payments of this deal await finance confirmation; confirm or reject them first',
    'zh-CN': '本单有待财务确认的收款，请先确认或驳回',
  },
  'sales.invoice_outstanding': {
    en: 'An invoice of this deal is issued; void it or issue a red-letter invoice first',
    'zh-CN': '本单已开具发票，请先作废或开具红字发票',
  },
  'sales.not_fully_paid': {
    en: 'The deal is not fully paid: {balance} outstanding',
    'zh-CN': '本单尚未付清：欠款 {balance}',
  },
  'sales.delivery_blocked': {
    en: 'The car cannot be handed over yet',
    'zh-CN': '车辆尚不能交付',
  },
  'sales.refund_exceeds_overpayment': {
    en: 'A refund can only return what was overpaid ({overpaid})',
    'zh-CN': '退款不能超过多付金额（{overpaid}）',
  },
  'parts.part_no_taken': {
    en: 'A part with this part number already exists',
    'zh-CN': '该配件编号已存在',
  },
  'parts.barcode_taken': {
    en: 'This barcode already belongs to another part',
    'zh-CN': '该条码已属于其他配件',
  },
  'parts.insufficient_stock': {
    en: 'Not enough stock: {available} available, {requested} requested',
    'zh-CN': '库存不足：可用 {available}，需要 {requested}',
  },
  'parts.count_below_reserved': {
    en: 'The count is below the reserved quantity ({reserved}); release reservations first',
    'zh-CN': '盘点数量低于已预留数量（{reserved}），请先释放预留',
  },
  'parts.supplier_not_approved': {
    en: 'Purchase orders go only to approved suppliers (this one is {status})',
    'zh-CN': '只能向合格供应商下采购订单（该供应商状态为 {status}）',
  },
  'parts.receipt_exceeds_order': {
    en: 'The quantity received exceeds what is still open on the order line ({open})',
    'zh-CN': '到货数量超过订单行未到数量（{open}）',
  },
  'parts.same_store': {
    en: 'A transfer needs another store of the group',
    'zh-CN': '调拨须选择集团内的其他门店',
  },
  'service.no_capacity': {
    en: 'No bay and qualified technician are free at this time; pick another slot',
    'zh-CN': '该时段没有空闲工位和具备资质的技师，请选择其他时段',
  },
  'service.outside_opening_hours': {
    en: 'The workshop is closed at this time',
    'zh-CN': '该时段车间不营业',
  },
  'service.line_not_approved': {
    en: 'The customer has not approved this line; no work or parts on it (H6.1 5)',
    'zh-CN': '客户尚未同意该项目，不能施工或发料（售后流程：报价经客户同意后方可施工）',
  },
  'service.approval_expired': {
    en: 'This approval link has expired or does not exist; ask the service advisor for a new one',
    'zh-CN': '该确认链接已过期或不存在，请联系服务顾问重新发送',
  },
  'service.approval_used': {
    en: 'This approval link was already used',
    'zh-CN': '该确认链接已使用过',
  },
  'service.lines_undecided': {
    en: 'Approve or decline every line of the estimate',
    'zh-CN': '请对报价中的每个项目选择同意或拒绝',
  },
  'service.qc_incomplete': {
    en: 'Every item of the final inspection must pass',
    'zh-CN': '终检的每一项都必须合格',
  },
  'service.payments_mismatch': {
    en: 'The payments ({paid}) must equal the customer’s share ({due})',
    'zh-CN': '收款金额（{paid}）必须等于客户应付金额（{due}）',
  },
  'service.not_settled': {
    en: 'Settle the repair order before the car is handed back',
    'zh-CN': '交车前必须先完成结算',
  },
  'service.issue_exceeds_approved': {
    en: 'More parts than the approved quantity ({quantity})',
    'zh-CN': '发料数量超过已同意的数量（{quantity}）',
  },
  'service.skill_missing': {
    en: 'This technician lacks the skill the job needs ({skill})',
    'zh-CN': '该技师不具备此作业所需的资质（{skill}）',
  },
  'import.rows_invalid': {
    en: '{count} rows have errors; nothing was imported',
    'zh-CN': '{count} 行有错误，未导入任何数据',
  },
  'import.unreadable_file': {
    en: 'The file could not be read as CSV or XLSX',
    'zh-CN': '无法将文件读取为 CSV 或 XLSX',
  },
  'backup.database_not_empty': {
    en: 'The target database is not empty',
    'zh-CN': '目标数据库不为空',
  },
  'backup.bad_archive': { en: 'The backup archive is not valid', 'zh-CN': '备份文件无效' },
  'internal.error': { en: 'Internal server error', 'zh-CN': '服务器内部错误' },
};

/** Field-level validation messages keyed by zod issue code. */
export const fieldMessages: Record<string, Record<Lang, string>> = {
  required: { en: 'Required', 'zh-CN': '必填' },
  invalid_type: { en: 'Expected {expected}', 'zh-CN': '类型应为 {expected}' },
  unrecognized_keys: { en: 'Unknown field', 'zh-CN': '未知字段' },
  too_small: { en: 'Too short or too small (minimum {minimum})', 'zh-CN': '过短或过小（最小 {minimum}）' },
  too_big: { en: 'Too long or too large (maximum {maximum})', 'zh-CN': '过长或过大（最大 {maximum}）' },
  invalid_format: { en: 'Invalid format', 'zh-CN': '格式不正确' },
  invalid_value: { en: 'Not one of the allowed values', 'zh-CN': '不是允许的取值' },
  custom: { en: 'Invalid value', 'zh-CN': '取值无效' },
  invalid_id_number: { en: 'Invalid resident identity number', 'zh-CN': '居民身份证号码无效' },
};

export function interpolate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Picks zh-CN or en from an Accept-Language header (default zh-CN: the product's home market). */
export function languageFrom(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}
