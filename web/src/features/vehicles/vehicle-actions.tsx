import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action } from '@common/identity/roles';
import type { Me } from '@common/identity/user.schemas';
import type { Vehicle } from '@common/vehicles/vehicle.schemas';
import { actionsFrom } from '@common/vehicles/vehicle.status';
import type { VehicleAction } from '@common/vehicles/vehicle.status';
import { describeError } from '../../api/form-errors';
import { permissionScope } from '../identity/auth-api';
import { useStoreNames } from '../identity/store-options';
import { VehicleReserveModal } from './vehicle-reserve-modal';
import { VehicleTransferModal } from './vehicle-transfer-modal';
import type { StatusVerb } from './vehicles-api';
import {
  useCloseTransfer,
  useCreateTransfer,
  useVehicleStatusChange,
  useVehicleTransfers,
} from './vehicles-api';

/** The status moves this screen offers, with the verb posted and the permission needed (sell/deliver belong to deals). */
const simple: Partial<Record<VehicleAction, { verb: StatusVerb; permission: Action }>> = {
  ship: { verb: 'ship', permission: 'vehicles.manage' },
  receive: { verb: 'receive', permission: 'vehicles.manage' },
  release: { verb: 'release', permission: 'vehicles.reserve' },
  to_demo: { verb: 'to-demo', permission: 'vehicles.manage' },
  from_demo: { verb: 'from-demo', permission: 'vehicles.manage' },
};

/** Only the actions legal from the vehicle's status (the status machine) that the user may take. */
export function VehicleActions({ me, vehicle }: { me: Me; vehicle: Vehicle }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'reserve' | 'transfer' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const change = useVehicleStatusChange(vehicle.id);
  const createTransfer = useCreateTransfer();
  const closeTransfer = useCloseTransfer();
  const storeNames = useStoreNames(me);
  const legal = actionsFrom(vehicle.status);
  const may = (action: Action) => permissionScope(me, action) !== null;
  const transfers = useVehicleTransfers(legal.includes('transfer_in') ? vehicle.id : undefined);
  const openTransfer = transfers.data?.find((x) => x.status === 'in_transit');
  const done = (action: VehicleAction) => () => {
    setDialog(null);
    setFailure(null);
    void message.success(t(`stock.done.${action}`));
  };
  const fail = (error: unknown) => setFailure(describeError(error));
  const post = (action: VehicleAction, verb: StatusVerb, body?: Record<string, unknown>) =>
    change.mutate(
      { verb, body: { version: vehicle.version, ...body } },
      { onSuccess: done(action), onError: fail },
    );

  const buttons = legal.flatMap((action) => {
    const step = simple[action];
    if (step && may(step.permission))
      return [
        <Popconfirm
          key={action}
          title={t(`stock.confirm.${action}`)}
          onConfirm={() => post(action, step.verb)}
        >
          <Button loading={change.isPending}>{t(`stock.actions.${action}`)}</Button>
        </Popconfirm>,
      ];
    if (action === 'reserve' && may('vehicles.reserve'))
      return [
        <Button key={action} type="primary" onClick={() => setDialog('reserve')}>
          {t('stock.actions.reserve')}
        </Button>,
      ];
    if (action === 'transfer_out' && may('vehicles.transfer'))
      return [
        <Button key={action} onClick={() => setDialog('transfer')}>
          {t('stock.actions.transfer_out')}
        </Button>,
      ];
    if (action === 'transfer_in' && openTransfer && may('vehicles.transfer'))
      return (['receive', 'cancel'] as const).map((step) => (
        <Popconfirm
          key={step}
          title={t(`stock.transfer.confirm.${step}`, { number: openTransfer.number })}
          onConfirm={() =>
            closeTransfer.mutate(
              { id: openTransfer.id, action: step },
              { onSuccess: done('transfer_in'), onError: fail },
            )
          }
        >
          <Button type={step === 'receive' ? 'primary' : 'default'} loading={closeTransfer.isPending}>
            {t(`stock.transfer.${step}`)}
          </Button>
        </Popconfirm>
      ));
    return [];
  });

  return (
    <div>
      {buttons.length > 0 ? <Space wrap>{buttons}</Space> : <span>{t('stock.noActions')}</span>}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure}
          style={{ marginTop: 12 }}
          closable
          onClose={() => setFailure(null)}
        />
      )}
      <VehicleReserveModal
        open={dialog === 'reserve'}
        loading={change.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(v) => post('reserve', 'reserve', { hours: v.hours, dealId: v.dealId?.trim() || null })}
      />
      <VehicleTransferModal
        open={dialog === 'transfer'}
        loading={createTransfer.isPending}
        stores={[...storeNames.values()].filter((s) => s.id !== vehicle.storeId)}
        onClose={() => setDialog(null)}
        onSubmit={(v) =>
          createTransfer.mutate(
            { vehicleId: vehicle.id, toStoreId: v.toStoreId, note: v.note?.trim() || null },
            { onSuccess: done('transfer_out'), onError: fail },
          )
        }
      />
    </div>
  );
}
