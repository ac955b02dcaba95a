import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Me } from '@common/identity/user.schemas';
import type { Vehicle } from '@common/vehicles/vehicle.schemas';
import { isApiError } from '../../api/api-client';
import { describeError } from '../../api/form-errors';
import { PageHeader } from '../../app-shell/page-header';
import { useBrands, useModels, useTrim } from '../catalog/catalog-api';
import { byId, formatMoney, localName, trimTitle } from '../catalog/catalog-format';
import { useMe } from '../identity/auth-api';
import { formatInstant } from '../identity/format';
import { storeLabel, useStoreNames } from '../identity/store-options';
import { VehicleActions } from './vehicle-actions';
import { VehicleHistory } from './vehicle-history';
import { useVehicle } from './vehicles-api';
import { AgingTag, StatusTag } from './vehicle-tags';
import '../catalog/catalog.css';

type Colour = { id: string; name: string; nameEn: string; code: string };

function colourName(colours: Colour[], id: string | null): string | null {
  const colour = id ? colours.find((c) => c.id === id) : undefined;
  return colour ? `${localName(colour)} (${colour.code})` : null;
}

function Details({ me, vehicle }: { me: Me; vehicle: Vehicle }) {
  const { t } = useTranslation();
  const trim = useTrim(vehicle.trimId);
  const brands = useBrands();
  const models = useModels();
  const names = useMemo(
    () => ({ brands: byId(brands.data), models: byId(models.data) }),
    [brands.data, models.data],
  );
  const storeNames = useStoreNames(me);
  const colours = trim.data?.colours ?? [];
  const r = vehicle.reservation;
  const item = (label: string, value: ReactNode) => (
    <Descriptions.Item label={label}>{value ?? t('common.none')}</Descriptions.Item>
  );
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered>
      {item(t('stock.fields.vin'), <span className="fc-mono fc-nowrap">{vehicle.vin}</span>)}
      {item(
        t('stock.fields.vehicle'),
        trim.data
          ? trimTitle(trim.data, names)
          : `${vehicle.brandName} ${vehicle.modelName} · ${vehicle.trimName}`,
      )}
      {item(t('stock.fields.status'), <StatusTag status={vehicle.status} />)}
      {item(t('stock.fields.store'), storeLabel(storeNames, vehicle.storeId))}
      {item(t('stock.fields.location'), t(`stock.locations.${vehicle.location}`))}
      {item(t('stock.fields.modelYear'), vehicle.modelYear)}
      {item(t('stock.fields.exteriorColour'), colourName(colours, vehicle.exteriorColourId))}
      {item(t('stock.fields.interiorColour'), colourName(colours, vehicle.interiorColourId))}
      {item(t('stock.fields.productionDate'), vehicle.productionDate)}
      {item(t('stock.fields.engineNo'), vehicle.engineNo)}
      {item(t('stock.fields.cocNo'), vehicle.cocNo)}
      {item(t('stock.fields.supplierRef'), vehicle.supplierRef)}
      {item(t('stock.fields.arrivedOn'), vehicle.arrivedOn)}
      {item(
        t('stock.fields.stockAge'),
        <AgingTag bucket={vehicle.agingBucket} days={vehicle.stockAgeDays} />,
      )}
      {item(t('stock.fields.purchaseCost'), formatMoney(vehicle.purchaseCost))}
      {item(t('stock.fields.holdingCostPerDay'), formatMoney(vehicle.holdingCostPerDay))}
      {item(t('stock.fields.holdingCostToDate'), formatMoney(vehicle.holdingCostToDate))}
      {item(
        t('stock.fields.reservation'),
        r ? (
          <Typography.Text>
            {t('stock.reservationText', {
              until: formatInstant(r.until),
              deal: r.dealId ?? t('common.none'),
            })}
          </Typography.Text>
        ) : null,
      )}
    </Descriptions>
  );
}

function VehicleView({ me, id }: { me: Me; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useVehicle(id);
  if (query.isPending) return <Spin />;
  if (query.isError)
    return isApiError(query.error, 404) ? (
      <Result
        status="404"
        title={t('stock.notFound')}
        extra={<Link to="/vehicles">{t('stock.backToStock')}</Link>}
      />
    ) : (
      <Alert type="error" showIcon title={describeError(query.error)} />
    );
  const vehicle = query.data;
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('stock.backToStock')}
              title={t('stock.backToStock')}
              onClick={() => void navigate('/vehicles')}
            />
            <span className="fc-mono">{vehicle.vin}</span>
            <StatusTag status={vehicle.status} />
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('stock.actionsTitle')}>
          <VehicleActions me={me} vehicle={vehicle} />
        </Card>
        <Card size="small" title={t('stock.detailsTitle')}>
          <Details me={me} vehicle={vehicle} />
        </Card>
        <Card size="small" title={t('stock.history.title')}>
          <VehicleHistory vehicleId={vehicle.id} />
        </Card>
      </Space>
    </>
  );
}

/** /vehicles/:id — one vehicle: details, stock age and cost, legal status actions, transfer, history. */
export function VehiclePage() {
  const me = useMe();
  const { id } = useParams();
  return me.data && id ? <VehicleView me={me.data} id={id} /> : null;
}
