import type { RuleObject } from 'antd/es/form';
import { companyCodeIssues, identityNumberIssues, mobileIssues } from '@common/rules/customer-fields';
import type { CustomerFieldIssue } from '@common/rules/customer-fields';
import { formatRuleMessage } from '@common/rules/messages';
import { currentLanguage } from '../../i18n/i18n';

/** The rules library's finding as a form-field error in the UI language (same checks as the server). */
const reject = (issues: CustomerFieldIssue[]) => {
  const first = issues[0];
  return first
    ? Promise.reject(new Error(formatRuleMessage(first.code, first.params, currentLanguage())))
    : Promise.resolve();
};

export const mobileRule = {
  validator: (_: RuleObject, v?: string) => (v ? reject(mobileIssues([v])) : Promise.resolve()),
};

export const identityNumberRule = (type: () => string | undefined) => ({
  validator: (_: RuleObject, v?: string) =>
    v && type() ? reject(identityNumberIssues(type()!, v)) : Promise.resolve(),
});

export const companyCodeRule = {
  validator: (_: RuleObject, v?: string) => (v ? reject(companyCodeIssues(v)) : Promise.resolve()),
};
