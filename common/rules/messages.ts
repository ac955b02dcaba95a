/**
 * Human messages for every code emitted by common/rules, in English and
 * Simplified Chinese. Placeholders are `{param}`; enum-valued params named
 * `system`, `kind` or `window` are shown with the labels in `ruleValueLabels`.
 */
import type { RuleIssue } from './result';

export type RuleLanguage = 'en' | 'zh-CN';

export const ruleMessages: Record<RuleLanguage, Record<string, string>> = {
  en: {
    // Passwords
    'rules.password.too_short': 'A password has at least 10 characters.',
    'rules.password.common': 'This password is among the first an attacker tries; choose another.',
    'rules.password.only_digits': 'A password of digits only is guessed quickly; add words.',
    'rules.password.repeated': 'A password of one or two repeated characters is guessed quickly.',
    'rules.password.sequence': 'A keyboard or alphabet run is guessed quickly.',
    'rules.password.contains_name': 'The password must not contain the user name.',
    // VIN
    'rules.vin.bad_length': 'A VIN has 17 characters; this one has {length}.',
    'rules.vin.invalid_character':
      'Character "{char}" at position {position} is not allowed in a VIN (only 0-9 and A-Z without I, O, Q).',
    'rules.vin.check_digit_mismatch': 'Check digit (position 9) is {actual} but should be {expected}.',
    'rules.vin.bad_model_year_code': 'Position 10 "{char}" is not a model-year code.',
    'rules.vin.model_year_ambiguous': 'The model year cannot be decided from this VIN: {first} or {second}.',
    // Resident identity number
    'rules.cn_id.bad_length':
      'An identity number has 18 characters (or 15 for the first generation); this one has {length}.',
    'rules.cn_id.bad_characters': 'An identity number is 17 digits followed by a digit or X.',
    'rules.cn_id.unknown_province': 'Address code {code} is not a known province.',
    'rules.cn_id.bad_birth_date': 'Birth date {date} is not a real calendar date.',
    'rules.cn_id.birth_date_in_future': 'Birth date {date} is in the future.',
    'rules.cn_id.check_digit_mismatch': 'Check character is {actual} but should be {expected}.',
    'rules.cn_id.converted_from_15':
      'First-generation 15-digit number {original} was converted to 18 digits.',
    // USCC
    'rules.uscc.bad_length': 'A unified social credit code has 18 characters; this one has {length}.',
    'rules.uscc.invalid_character':
      'Character "{char}" at position {position} is not allowed (0-9, A-H, J-N, P-R, T, U, W, X, Y).',
    'rules.uscc.bad_division_code':
      'Positions 3-8 must be a 6-digit administrative division code, not {code}.',
    'rules.uscc.check_char_mismatch': 'Check character is {actual} but should be {expected}.',
    'rules.uscc.org_code_check_mismatch':
      'The embedded organisation code has check character {actual}; GB 11714 gives {expected}.',
    // Mobile
    'rules.cn_mobile.bad_format':
      'Not a mainland mobile number (11 digits starting 13-19, optionally +86 or 0086).',
    // Plate
    'rules.cn_plate.bad_length':
      'A plate number has 7 characters (8 for new-energy plates); this one has {length}.',
    'rules.cn_plate.unknown_province': '"{char}" is not a province abbreviation.',
    'rules.cn_plate.bad_authority':
      'The second character must be the issuing-authority letter (A-Z without I, O), not "{char}".',
    'rules.cn_plate.forbidden_letter': 'Letter {char} is never used on plates.',
    'rules.cn_plate.bad_serial': 'Serial {serial} may only contain digits and letters.',
    'rules.cn_plate.bad_nev_serial':
      'Serial {serial} is not a valid new-energy serial (small: D/A/B/C/E or F/G/H/J/K, a letter or digit, then 4 digits; large: 5 digits then D or F).',
    // Customer file (crm)
    'rules.crm.bad_document_number': 'A passport or permit number is 5-20 letters and digits.',
    'rules.crm.mobile_repeated': 'This mobile number is already in the list.',
    'rules.crm.mileage_needs_reason': 'The reading is below the last one ({last} km): give a reason.',
    // Request validation
    'rules.input.bad_date': 'Not a real calendar date (YYYY-MM-DD).',
    'rules.input.bad_instant': 'Not an ISO-8601 date-time with offset (e.g. 2026-03-01T09:00:00+08:00).',
    'rules.input.not_fen': 'Amounts are whole fen (integer).',
    'rules.input.negative': 'Must not be negative.',
    'rules.three_guarantee.completed_before_started': 'The repair is completed before it started.',
    'rules.three_guarantee.negative_km': 'Distance must not be negative.',
    'rules.three_guarantee.rate_too_high': 'The usage compensation factor n may not exceed 0.5 % (Art. 27).',
    'rules.three_guarantee.excluded_exceeds_duration': 'Excluded hours exceed the repair duration.',
    'rules.three_guarantee.after_assessment': 'This date is after the assessment date.',
    'rules.three_guarantee.km_after_assessment':
      'This odometer reading is higher than the one at the assessment date.',
    // 三包 reasons
    'rules.three_guarantee.no_failure': 'No current failure was given.',
    'rules.three_guarantee.outside_window_days':
      'The failure is outside the period, which ended on {lastDay}.',
    'rules.three_guarantee.outside_window':
      'The failure is outside the period (last day {lastDay} or {km} km, whichever came first).',
    'rules.three_guarantee.not_listed_failure': 'The failure is not one this article covers.',
    'rules.three_guarantee.below_minimum': '{value} counted, {minimum} needed.',
    'rules.three_guarantee.not_over_limit': '{value} counted, which does not exceed {limit}.',
    'rules.three_guarantee.fault_eliminated':
      'Counted {count} times, but the last repair eliminated the fault and it has not come back.',
    'rules.three_guarantee.art19_free_repair':
      'Within the warranty period (until {lastDay} / {km} km): free repair, labour and parts included.',
    'rules.three_guarantee.art20_core_main_part':
      'Main part of the {system} failed within 60 days / 3,000 km (until {lastDay}): free replacement of the {system}.',
    'rules.three_guarantee.art21_repair_over_5_days':
      'Repair no. {repair} took {days} days (more than 5): spare car or transport compensation from day 6 ({spareCarDays} days).',
    'rules.three_guarantee.art22_core_part_7_days':
      'The {system} or its main part needs replacing within 7 days (until {lastDay}): free replacement car or refund.',
    'rules.three_guarantee.art23_listed_failure':
      '{kind} within 60 days / 3,000 km (until {lastDay}): free replacement car or refund.',
    'rules.three_guarantee.art24_1_serious_safety':
      'Serious-safety faults repaired {count} times and still not eliminated, or a new one appeared: replacement car or refund.',
    'rules.three_guarantee.art24_2_core_assembly_replaced':
      'The {system} was replaced {count} times and still does not work normally: replacement car or refund.',
    'rules.three_guarantee.art24_3_main_part_replaced':
      'The same main part ({part}) of the {system} was replaced {count} times and still does not work normally: replacement car or refund.',
    'rules.three_guarantee.art24_4_repair_days':
      'Repairs took {days} days in total, more than 30: replacement car or refund.',
    'rules.three_guarantee.art24_4_same_problem':
      'The same problem "{problem}" was repaired {count} times, more than 4: replacement car or refund.',
  },
  'zh-CN': {
    // 密码
    'rules.password.too_short': '密码至少 10 个字符。',
    'rules.password.common': '该密码属于最常被尝试的密码，请换一个。',
    'rules.password.only_digits': '纯数字密码很容易被猜中，请加入文字。',
    'rules.password.repeated': '由一两个重复字符组成的密码很容易被猜中。',
    'rules.password.sequence': '键盘或字母顺序的连续字符很容易被猜中。',
    'rules.password.contains_name': '密码不能包含用户名。',
    'rules.vin.bad_length': '车辆识别代号应为 17 位，当前为 {length} 位。',
    'rules.vin.invalid_character':
      '第 {position} 位字符“{char}”不允许出现在车辆识别代号中（仅限 0-9 和除 I、O、Q 外的字母）。',
    'rules.vin.check_digit_mismatch': '检验位（第 9 位）为 {actual}，应为 {expected}。',
    'rules.vin.bad_model_year_code': '第 10 位“{char}”不是年份代码。',
    'rules.vin.model_year_ambiguous': '无法从该代号确定车型年份：{first} 或 {second}。',
    'rules.cn_id.bad_length': '身份号码应为 18 位（第一代为 15 位），当前为 {length} 位。',
    'rules.cn_id.bad_characters': '身份号码由 17 位数字和 1 位数字或 X 组成。',
    'rules.cn_id.unknown_province': '地址码 {code} 不是有效的省级行政区。',
    'rules.cn_id.bad_birth_date': '出生日期 {date} 不是有效日期。',
    'rules.cn_id.birth_date_in_future': '出生日期 {date} 晚于今天。',
    'rules.cn_id.check_digit_mismatch': '校验码为 {actual}，应为 {expected}。',
    'rules.cn_id.converted_from_15': '15 位第一代身份号码 {original} 已转换为 18 位。',
    'rules.uscc.bad_length': '统一社会信用代码应为 18 位，当前为 {length} 位。',
    'rules.uscc.invalid_character':
      '第 {position} 位字符“{char}”不允许使用（0-9、A-H、J-N、P-R、T、U、W、X、Y）。',
    'rules.uscc.bad_division_code': '第 3-8 位应为 6 位数字的行政区划码，而不是 {code}。',
    'rules.uscc.check_char_mismatch': '校验码为 {actual}，应为 {expected}。',
    'rules.uscc.org_code_check_mismatch':
      '其中的组织机构代码校验码为 {actual}，按 GB 11714 应为 {expected}。',
    'rules.cn_mobile.bad_format': '不是有效的大陆手机号码（以 13-19 开头的 11 位数字，可带 +86 或 0086）。',
    'rules.cn_plate.bad_length': '号牌号码应为 7 位（新能源号牌 8 位），当前为 {length} 位。',
    'rules.cn_plate.unknown_province': '“{char}”不是省级简称。',
    'rules.cn_plate.bad_authority': '第二位应为发牌机关代号（除 I、O 外的字母），而不是“{char}”。',
    'rules.cn_plate.forbidden_letter': '号牌中不使用字母 {char}。',
    'rules.cn_plate.bad_serial': '序号 {serial} 只能由数字和字母组成。',
    'rules.cn_plate.bad_nev_serial':
      '序号 {serial} 不是有效的新能源号牌序号（小型：D/A/B/C/E 或 F/G/H/J/K，再一位字母或数字，后四位数字；大型：五位数字后接 D 或 F）。',
    'rules.crm.bad_document_number': '护照或通行证号码应为 5-20 位字母和数字。',
    'rules.crm.mobile_repeated': '该手机号码已在列表中。',
    'rules.crm.mileage_needs_reason': '读数低于上次记录（{last} 公里），请填写原因。',
    'rules.input.bad_date': '不是有效的日期（YYYY-MM-DD）。',
    'rules.input.bad_instant': '不是带时区的 ISO-8601 时间（例如 2026-03-01T09:00:00+08:00）。',
    'rules.input.not_fen': '金额须为整数（单位：分）。',
    'rules.input.negative': '不能为负数。',
    'rules.three_guarantee.completed_before_started': '修理完成时间早于开始时间。',
    'rules.three_guarantee.negative_km': '里程不能为负数。',
    'rules.three_guarantee.rate_too_high': '使用补偿系数 n 不得高于 0.5%（第二十七条）。',
    'rules.three_guarantee.excluded_exceeds_duration': '扣除时间超过了修理时长。',
    'rules.three_guarantee.after_assessment': '该日期晚于评估日期。',
    'rules.three_guarantee.km_after_assessment': '该里程高于评估日的里程。',
    'rules.three_guarantee.no_failure': '未提供当前故障。',
    'rules.three_guarantee.outside_window_days': '故障不在期限内，期限已于 {lastDay} 届满。',
    'rules.three_guarantee.outside_window': '故障不在期限内（至 {lastDay} 或 {km} 公里，以先到者为准）。',
    'rules.three_guarantee.not_listed_failure': '该故障不属于本条规定的情形。',
    'rules.three_guarantee.below_minimum': '已计 {value} 次，需达到 {minimum} 次。',
    'rules.three_guarantee.not_over_limit': '已计 {value}，未超过 {limit}。',
    'rules.three_guarantee.fault_eliminated': '已计 {count} 次，但最后一次修理已排除故障且未再出现。',
    'rules.three_guarantee.art19_free_repair':
      '在包修期内（至 {lastDay} / {km} 公里）：免费修理（包括工时费和材料费）。',
    'rules.three_guarantee.art20_core_main_part':
      '60 日或 3000 公里内（至 {lastDay}）{system}主要零部件出现质量问题：可免费更换{system}。',
    'rules.three_guarantee.art21_repair_over_5_days':
      '第 {repair} 次修理用时 {days} 日，超过 5 日：自第 6 日起提供备用车或交通费用补偿（{spareCarDays} 日）。',
    'rules.three_guarantee.art22_core_part_7_days':
      '7 日内（至 {lastDay}）需更换{system}或其主要零部件：可免费更换家用汽车产品或者退货。',
    'rules.three_guarantee.art23_listed_failure':
      '60 日或 3000 公里内（至 {lastDay}）出现{kind}：可免费更换家用汽车产品或者退货。',
    'rules.three_guarantee.art24_1_serious_safety':
      '因严重安全性能故障累计修理 {count} 次，仍未排除该故障或出现新的严重安全性能故障：可更换或者退货。',
    'rules.three_guarantee.art24_2_core_assembly_replaced':
      '{system}累计更换 {count} 次，仍不能正常使用：可更换或者退货。',
    'rules.three_guarantee.art24_3_main_part_replaced':
      '{system}的同一主要零部件（{part}）累计更换 {count} 次，仍不能正常使用：可更换或者退货。',
    'rules.three_guarantee.art24_4_repair_days': '累计修理时间 {days} 日，超过 30 日：可更换或者退货。',
    'rules.three_guarantee.art24_4_same_problem':
      '同一质量问题“{problem}”累计修理 {count} 次，超过 4 次：可更换或者退货。',
  },
};

/** Labels for enum values appearing in params (三包 systems and failure kinds). */
export const ruleValueLabels: Record<RuleLanguage, Record<string, string>> = {
  en: {
    engine: 'engine',
    transmission: 'transmission',
    traction_battery: 'traction battery',
    drive_motor: 'drive motor',
    steering: 'steering system',
    brake: 'brake system',
    suspension: 'suspension',
    drivetrain: 'drivetrain',
    emission_control: 'emission control device',
    body: 'body',
    other: 'other system',
    quality: 'quality problem',
    steering_failure: 'Steering failure',
    brake_failure: 'Brake failure',
    body_crack: 'Body crack',
    fuel_leak: 'Fuel leak',
    battery_fire: 'Traction-battery fire',
  },
  'zh-CN': {
    engine: '发动机',
    transmission: '变速器',
    traction_battery: '动力蓄电池',
    drive_motor: '行驶驱动电机',
    steering: '转向系统',
    brake: '制动系统',
    suspension: '悬架系统',
    drivetrain: '传动系统',
    emission_control: '污染控制装置',
    body: '车身',
    other: '其他系统',
    quality: '质量问题',
    steering_failure: '转向系统失效',
    brake_failure: '制动系统失效',
    body_crack: '车身开裂',
    fuel_leak: '燃油泄漏',
    battery_fire: '动力蓄电池起火',
  },
};

const LABELLED_PARAMS = new Set(['system', 'kind']);

/**
 * The message for `code` in `lang` with `{param}` placeholders filled. Unknown
 * codes return the code itself; unknown placeholders are left as written.
 */
export function formatRuleMessage(
  code: string,
  params: Record<string, string | number> | undefined,
  lang: RuleLanguage,
): string {
  const template = ruleMessages[lang][code];
  if (template === undefined) return code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params?.[name];
    if (v === undefined) return whole;
    const s = String(v);
    return LABELLED_PARAMS.has(name) ? (ruleValueLabels[lang][s] ?? s) : s;
  });
}

/** A RuleIssue with its message in one language, as the API returns it. */
export interface LocalizedRuleIssue extends RuleIssue {
  message: string;
}

/** Adds `message` (in `lang`) to each issue. */
export function localizeIssues(issues: readonly RuleIssue[], lang: RuleLanguage): LocalizedRuleIssue[] {
  return issues.map((i) => ({ ...i, message: formatRuleMessage(i.code, i.params, lang) }));
}
