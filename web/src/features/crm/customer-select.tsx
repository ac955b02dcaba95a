import { useState } from 'react';
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useCustomerOptions } from './leads-api';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'> & { storeId: string | null };

/** A customer picker that searches the store's customers on the server as the user types (name, mobile, plate). */
export function CustomerSelect({ storeId, ...rest }: Props) {
  const [q, setQ] = useState('');
  const customers = useCustomerOptions(q, storeId);
  return (
    <Select<string>
      {...rest}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={customers.isFetching}
      options={(customers.data ?? []).map((c) => ({
        value: c.id,
        label: `${c.name} · ${c.mobiles[0]?.number ?? ''}`,
      }))}
    />
  );
}
