import { TG_COMPONENTS, TG_FAILURE_KINDS, TG_SYSTEMS } from '@common/rules/three-guarantee-types';
import { useRuleText } from './rule-text';

/** Select options of the 三包 enums in the UI language (systems and failure kinds worded as in the rule messages). */
export function useTgOptions() {
  const { t, valueLabel } = useRuleText();
  return {
    systems: TG_SYSTEMS.map((s) => ({ value: s, label: valueLabel(s) })),
    components: TG_COMPONENTS.map((c) => ({ value: c, label: t(`tools.tg.components.${c}`) })),
    kinds: TG_FAILURE_KINDS.map((k) => ({ value: k, label: valueLabel(k) })),
    replaced: [
      { value: 'none', label: t('tools.tg.replacedNone') },
      { value: 'assembly', label: t('tools.tg.components.assembly') },
      { value: 'main_part', label: t('tools.tg.components.main_part') },
    ],
  };
}
