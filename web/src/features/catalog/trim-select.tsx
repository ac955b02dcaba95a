import { useMemo, useState } from 'react';
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import type { Trim } from '@common/catalog/trim.schemas';
import { useBrands, useModels, useTrimChoices } from './catalog-api';
import { byId, trimTitle } from './catalog-format';

type Props = Omit<SelectProps<string>, 'options' | 'onChange'> & {
  /** Label of the current value when it is not among the search results (e.g. a saved line). */
  knownLabel?: string | null;
  onChange?: (id: string | undefined, trim: Trim | undefined) => void;
};

/** A trim picker that searches the catalogue on the server as the user types. */
export function TrimSelect({ knownLabel, onChange, value, ...rest }: Props) {
  const [q, setQ] = useState('');
  const trims = useTrimChoices(q);
  const brands = useBrands();
  const models = useModels();
  const names = useMemo(
    () => ({ brands: byId(brands.data), models: byId(models.data) }),
    [brands.data, models.data],
  );
  const options = useMemo(() => {
    const list = (trims.data ?? []).map((trim) => ({ value: trim.id, label: trimTitle(trim, names) }));
    if (value && knownLabel && !list.some((o) => o.value === value))
      list.unshift({ value, label: knownLabel });
    return list;
  }, [trims.data, names, value, knownLabel]);

  return (
    <Select<string>
      {...rest}
      value={value}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={trims.isFetching}
      options={options}
      onChange={(id) =>
        onChange?.(
          id,
          trims.data?.find((trim) => trim.id === id),
        )
      }
    />
  );
}
