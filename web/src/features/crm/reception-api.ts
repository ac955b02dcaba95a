import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Appointment,
  createAppointmentSchema,
  createReceptionSchema,
  createTestDriveSchema,
  Reception,
  receptionBoardSchema,
  TestDrive,
} from '@common/crm/reception.schemas';
import type { Vehicle } from '@common/vehicles/vehicle.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type ReceptionBoard = z.infer<typeof receptionBoardSchema>;
export type CreateAppointment = z.input<typeof createAppointmentSchema>;
export type CreateReception = z.input<typeof createReceptionSchema>;
export type CreateTestDrive = z.input<typeof createTestDriveSchema>;

const boardKey = ['reception-board'] as const;
const enc = encodeURIComponent;

/** The board of a date, or of the store's today when `date` is null. */
export function useReceptionBoard(storeId: string | null, date: string | null) {
  return useQuery({
    queryKey: [...boardKey, storeId, date],
    queryFn: () =>
      api.get<ReceptionBoard>('/reception-board', { storeId: storeId ?? undefined, date: date ?? undefined }),
    enabled: !!storeId,
    refetchInterval: 60_000,
  });
}

/** Every reception write refreshes the board, the leads (a visit moves them) and the inbox. */
function useReceptionWrite<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all(
        [boardKey, ['leads'], ['alerts']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useBookAppointment = () =>
  useReceptionWrite((input: CreateAppointment) => api.create<Appointment>('/appointments', input));

export const useAppointmentMove = () =>
  useReceptionWrite(
    ({
      appointment,
      verb,
      scheduledAt,
    }: {
      appointment: Appointment;
      verb: 'reschedule' | 'no-show' | 'cancel';
      scheduledAt?: string;
    }) =>
      api.post<Appointment>(`/appointments/${enc(appointment.id)}/${verb}`, {
        version: appointment.version,
        ...(scheduledAt ? { scheduledAt } : {}),
      }),
  );

export const useReceive = () =>
  useReceptionWrite((input: CreateReception) => api.create<Reception>('/receptions', input));

export const usePatchReception = () =>
  useReceptionWrite(
    ({
      reception,
      ...changes
    }: {
      reception: Reception;
      partySize?: number;
      impressions?: string | null;
      customerSaid?: string | null;
    }) =>
      api.patch<Reception>(`/receptions/${enc(reception.id)}`, { version: reception.version, ...changes }),
  );

export const useDepart = () =>
  useReceptionWrite((reception: Reception) =>
    api.post<Reception>(`/receptions/${enc(reception.id)}/depart`, { version: reception.version }),
  );

export const usePlanTestDrive = () =>
  useReceptionWrite((input: CreateTestDrive) => api.create<TestDrive>('/test-drives', input));

export const useTestDriveMove = () =>
  useReceptionWrite(
    ({
      drive,
      verb,
      body,
    }: {
      drive: TestDrive;
      verb: 'check-licence' | 'start' | 'end' | 'cancel';
      body?: Record<string, unknown>;
    }) => api.post<TestDrive>(`/test-drives/${enc(drive.id)}/${verb}`, { version: drive.version, ...body }),
  );

/** The store's cars a customer may drive: demo cars first, then cars in stock. */
export function useDrivableVehicles(storeId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['vehicles', 'drivable', storeId],
    queryFn: () =>
      api.get<Page<Vehicle>>('/vehicles', {
        storeId: storeId ?? undefined,
        status: 'demo,in_stock',
        limit: 100,
      }),
    select: (page) =>
      [...page.items].sort((a, b) => (a.status === 'demo' ? 0 : 1) - (b.status === 'demo' ? 0 : 1)),
    enabled: enabled && !!storeId,
  });
}
