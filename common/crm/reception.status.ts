/**
 * Status machines of showroom reception (architecture rule 6; handbook H3.1): the appointment (预约),
 * the reception (到店接待) and the test drive (试乘试驾). The services refuse any other move with a 409
 * naming the current state; the web shows only the moves legal from the current state.
 */
export const appointmentStatuses = ['booked', 'arrived', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];
export const appointmentTransitions = {
  reschedule: { from: ['booked'], to: 'booked' }, // a new time, confirmed to the customer again
  arrive: { from: ['booked'], to: 'arrived' }, // the customer came: a reception opens
  no_show: { from: ['booked'], to: 'no_show' },
  cancel: { from: ['booked'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly AppointmentStatus[]; to: AppointmentStatus }>;
export type AppointmentAction = keyof typeof appointmentTransitions;

export const receptionStatuses = ['in_showroom', 'departed'] as const;
export type ReceptionStatus = (typeof receptionStatuses)[number];

export const testDriveStatuses = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type TestDriveStatus = (typeof testDriveStatuses)[number];
export const testDriveTransitions = {
  start: { from: ['planned'], to: 'in_progress' }, // only after the driving licence was checked
  end: { from: ['in_progress'], to: 'completed' },
  cancel: { from: ['planned'], to: 'cancelled' },
} as const satisfies Record<string, { from: readonly TestDriveStatus[]; to: TestDriveStatus }>;
export type TestDriveAction = keyof typeof testDriveTransitions;

export function canMove<S extends string>(
  transitions: Record<string, { from: readonly S[]; to: S }>,
  status: S,
  action: string,
): boolean {
  return transitions[action]?.from.includes(status) ?? false;
}

/** How a booking reached the store. */
export const appointmentChannels = ['phone', 'online', 'wechat', 'walk_in', 'other'] as const;

/** A reminder reaches the consultant this long before the appointment (the issue: 10 minutes). */
export const appointmentReminderMinutes = 10;
