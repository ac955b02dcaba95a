import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createTaskSchema, Task } from '@common/crm/task.schemas';
import type { Appointment } from '@common/crm/reception.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';

export type CreateTask = z.input<typeof createTaskSchema>;
const tasksKey = ['tasks'] as const;

/** My open tasks due by the end of today, overdue first. */
export function useMyTasksToday(storeId: string | null) {
  return useQuery({
    queryKey: [...tasksKey, 'today', storeId],
    queryFn: () =>
      api.get<Page<Task>>('/tasks', {
        due: 'today',
        mine: 'true',
        storeId: storeId ?? undefined,
        limit: 100,
      }),
    select: (page) => page.items,
    refetchInterval: 60_000,
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTask) => api.create<Task>('/tasks', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      task,
      outcome,
      note,
    }: {
      task: Task;
      outcome: NonNullable<Task['outcome']>;
      note?: string;
    }) =>
      api.post<Task>(`/tasks/${encodeURIComponent(task.id)}/complete`, {
        version: task.version,
        outcome,
        ...(note ? { note } : {}),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tasksKey }),
  });
}

/** My appointments of today (from now to the end of the day in this browser's zone). */
export function useMyAppointmentsToday(userId: string, enabled: boolean) {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + 86_400_000);
  return useQuery({
    queryKey: ['reception-board', 'mine', userId, start.toISOString()],
    queryFn: () =>
      api.get<Page<Appointment>>('/appointments', {
        consultantId: userId,
        from: start.toISOString(),
        to: end.toISOString(),
        limit: 50,
      }),
    select: (page) => page.items,
    enabled,
  });
}
