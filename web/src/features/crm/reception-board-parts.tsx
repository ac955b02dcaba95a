import type { ReactNode } from 'react';
import { Button, Card, Col, Dropdown, Tag } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The pieces of the reception board: a time of day, status colours, a column card, an actions menu. */
export const time = (iso: string | null) => (iso ? dayjs(iso).format('HH:mm') : '—');
export const appointmentColor = {
  booked: 'blue',
  arrived: 'green',
  no_show: 'red',
  cancelled: 'default',
} as const;
export const driveColor = {
  planned: 'blue',
  in_progress: 'orange',
  completed: 'green',
  cancelled: 'default',
} as const;

export function BoardColumn({
  title,
  count,
  testId,
  children,
}: {
  title: string;
  count: number;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Col xs={24} lg={12} xxl={6}>
      <Card
        size="small"
        title={
          <span>
            {title} <Tag>{count}</Tag>
          </span>
        }
        data-testid={testId}
        style={{ height: '100%' }}
      >
        {children}
      </Card>
    </Col>
  );
}

export interface BoardAction {
  key: string;
  label: string;
  onClick: () => void;
  danger?: boolean;
}

/** The moves legal for one card of the board, behind one "Actions" button. */
export function ActionsMenu({ items, label }: { items: BoardAction[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: items.map(({ key, label: l, danger }) => ({ key, label: l, danger })),
        onClick: ({ key }) => items.find((i) => i.key === key)?.onClick(),
      }}
    >
      <Button size="small" aria-label={label}>
        {t('common.actions')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
