import { Select } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Me } from '@common/identity/user.schemas';
import { useSelectedStore } from './store-context';

const allStores = '__all__';

/** Header control for users who work in more than one store. */
export function StoreSwitcher({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { storeId, selectStore } = useSelectedStore();
  if (me.stores.length <= 1) return null;

  return (
    <Select
      data-testid="store-switcher"
      aria-label={t('header.store')}
      value={storeId ?? allStores}
      onChange={(value: string) => selectStore(value === allStores ? null : value)}
      prefix={<ShopOutlined />}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
      options={[
        { value: allStores, label: t('header.allStores') },
        ...me.stores.map((s) => ({
          value: s.id,
          label: s.name === s.code ? s.name : `${s.name} (${s.code})`,
        })),
      ]}
    />
  );
}
