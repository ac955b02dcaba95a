import { Alert, Button, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateMatch } from '@common/crm/customer.schemas';

/** The customers a save would duplicate (409 crm.duplicate_customer): open one, or save anyway. */
export function DuplicateMatchesAlert({
  title,
  duplicates,
  onOpen,
  saveAnywayLabel,
  onSaveAnyway,
}: {
  title: string;
  duplicates: DuplicateMatch[];
  onOpen: () => void;
  saveAnywayLabel: string;
  onSaveAnyway: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={title}
      description={
        <>
          <List
            size="small"
            dataSource={duplicates}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Link key="open" to={`/customers/${d.id}`} onClick={onOpen}>
                    {t('customers.add.openExisting')}
                  </Link>,
                ]}
              >
                {d.number} · {d.name} · <span className="fc-mono">{d.mobile}</span> (
                {d.matchedOn.map((m) => t(`customers.matchedOn.${m}`)).join(', ')})
              </List.Item>
            )}
          />
          <Button size="small" onClick={onSaveAnyway}>
            {saveAnywayLabel}
          </Button>
        </>
      }
    />
  );
}
