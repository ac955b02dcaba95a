import { App, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { CaretRightOutlined, CheckOutlined, PauseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { describeError } from '../../api/form-errors';
import { useClock, useMyJobs } from './service-api';
import { centiHours, msHours, keys } from './service-tags';

/** The technician's phone view (我的工单): approved jobs on open orders, with big start / pause / finish buttons. */
export function TechnicianJobsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const jobs = useMyJobs();
  const clock = useClock();
  const act = (orderId: string, lineId: string, action: 'start' | 'pause' | 'finish') =>
    clock.mutate(
      { orderId, lineId, action },
      { onSuccess: () => void jobs.refetch(), onError: (e) => void message.error(describeError(e)) },
    );
  return (
    <div style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={3}>{t('service.jobs.title')}</Typography.Title>
      {jobs.isPending && <Spin />}
      {jobs.data?.length === 0 && <Empty description={t('service.jobs.none')} />}
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {(jobs.data ?? []).map((j) => (
          <Card
            key={j.line.id}
            size="small"
            data-testid={`job-${j.line.id}`}
            style={{ borderColor: j.running ? '#1677ff' : undefined }}
          >
            <Space direction="vertical" style={{ width: '100%' }} size={6}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <strong style={{ fontSize: 18 }}>{j.plate ?? j.number}</strong>
                {j.running ? (
                  <Tag color="processing">{t('service.jobs.running')}</Tag>
                ) : (
                  <Tag>{t(keys.workStatus(j.line.workStatus))}</Tag>
                )}
              </Space>
              <Link to={`/service/orders/${j.repairOrderId}`}>
                {j.number} · {j.vehicleName ?? ''}
              </Link>
              <span style={{ fontSize: 16 }}>{j.line.description}</span>
              <Typography.Text type="secondary">
                {t('service.jobs.hours', {
                  flagged: centiHours(j.line.hoursCenti),
                  mine: msHours(j.myClockedMs),
                })}
              </Typography.Text>
              {j.line.workStatus !== 'done' && (
                <Space style={{ width: '100%' }}>
                  {j.running ? (
                    <Button
                      size="large"
                      icon={<PauseOutlined />}
                      onClick={() => act(j.repairOrderId, j.line.id, 'pause')}
                    >
                      {t('service.work.pause')}
                    </Button>
                  ) : (
                    <Button
                      size="large"
                      type="primary"
                      icon={<CaretRightOutlined />}
                      onClick={() => act(j.repairOrderId, j.line.id, 'start')}
                    >
                      {t('service.work.start')}
                    </Button>
                  )}
                  <Button
                    size="large"
                    icon={<CheckOutlined />}
                    onClick={() => act(j.repairOrderId, j.line.id, 'finish')}
                  >
                    {t('service.work.finish')}
                  </Button>
                </Space>
              )}
            </Space>
          </Card>
        ))}
      </Space>
    </div>
  );
}
