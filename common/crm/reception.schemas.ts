import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, isoInstant, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import {
  appointmentChannels,
  appointmentStatuses,
  receptionStatuses,
  testDriveStatuses,
} from './reception.status';

const text = (max: number) => z.string().trim().max(max);
const localDate = localDateSchema;

export const appointmentSchema = z
  .object({
    id: idSchema,
    number: z.string(),
    storeId: idSchema,
    customerId: idSchema,
    customerName: z.string(),
    leadId: idSchema.nullable(),
    consultantId: idSchema.nullable(),
    consultantName: z.string().nullable(),
    channel: z.enum(appointmentChannels),
    scheduledAt: z.string(),
    durationMinutes: z.number().int(),
    purpose: z.string().nullable(),
    trimId: idSchema.nullable(),
    status: z.enum(appointmentStatuses),
    rescheduleCount: z.number().int(),
    /** The confirmation message last queued to the customer (notification outbox). */
    confirmationId: idSchema.nullable(),
    note: z.string().nullable(),
    version: versionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Appointment' });
export type Appointment = z.infer<typeof appointmentSchema>;
export const appointmentPageSchema = pageOf(appointmentSchema, 'AppointmentPage');

/** A booking by phone or online: the customer, the time, what they want to see; confirmed to them by message. */
export const createAppointmentSchema = z
  .strictObject({
    customerId: idSchema,
    storeId: idSchema.optional(),
    leadId: idSchema.nullable().optional(),
    consultantId: idSchema.nullable().optional(),
    channel: z.enum(appointmentChannels),
    scheduledAt: isoInstant,
    durationMinutes: z.number().int().min(15).max(480).default(60),
    purpose: text(1000).nullable().optional(),
    trimId: idSchema.nullable().optional(),
    note: text(1000).nullable().optional(),
  })
  .meta({ id: 'CreateAppointment' });
export const rescheduleAppointmentSchema = z
  .strictObject({ version: versionSchema, scheduledAt: isoInstant, note: text(1000).optional() })
  .meta({ id: 'RescheduleAppointment' });
export const closeAppointmentSchema = z
  .strictObject({ version: versionSchema, note: text(1000).optional() })
  .meta({ id: 'CloseAppointment' });
export const appointmentListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  customerId: idSchema.optional(),
  consultantId: idSchema.optional(),
  status: z.enum(appointmentStatuses).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});

export const receptionSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    customerId: idSchema,
    customerName: z.string(),
    appointmentId: idSchema.nullable(),
    leadId: idSchema.nullable(),
    consultantId: idSchema.nullable(),
    consultantName: z.string().nullable(),
    kind: z.enum(['walk_in', 'appointment']),
    arrivedAt: z.string(),
    departedAt: z.string().nullable(),
    /** Minutes in the showroom (so far, while still there). */
    minutesInShowroom: z.number().int(),
    partySize: z.number().int(),
    impressions: z.string().nullable(),
    customerSaid: z.string().nullable(),
    status: z.enum(receptionStatuses),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Reception' });
export type Reception = z.infer<typeof receptionSchema>;
export const receptionPageSchema = pageOf(receptionSchema, 'ReceptionPage');

/** A customer in the showroom: a walk-in, or the arrival of an appointment (which it closes as arrived). */
export const createReceptionSchema = z
  .strictObject({
    customerId: idSchema,
    storeId: idSchema.optional(),
    appointmentId: idSchema.nullable().optional(),
    leadId: idSchema.nullable().optional(),
    consultantId: idSchema.nullable().optional(),
    arrivedAt: isoInstant.optional(),
    partySize: z.number().int().min(1).max(20).default(1),
    impressions: text(2000).nullable().optional(),
    customerSaid: text(4000).nullable().optional(),
  })
  .meta({ id: 'CreateReception' });
export const patchReceptionSchema = z
  .strictObject({
    version: versionSchema,
    partySize: z.number().int().min(1).max(20).optional(),
    impressions: text(2000).nullable().optional(),
    customerSaid: text(4000).nullable().optional(),
    consultantId: idSchema.nullable().optional(),
  })
  .meta({ id: 'PatchReception' });
export const departReceptionSchema = z
  .strictObject({ version: versionSchema, departedAt: isoInstant.optional() })
  .meta({ id: 'DepartReception' });
export const receptionListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  customerId: idSchema.optional(),
  status: z.enum(receptionStatuses).optional(),
});

export const testDriveSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    customerId: idSchema,
    customerName: z.string(),
    receptionId: idSchema.nullable(),
    leadId: idSchema.nullable(),
    vehicleId: idSchema,
    vin: z.string(),
    vehicleName: z.string(),
    consultantId: idSchema.nullable(),
    licenceCheckedBy: idSchema.nullable(),
    licenceCheckedAt: z.string().nullable(),
    licenceValidUntil: z.string().nullable(),
    route: z.string().nullable(),
    status: z.enum(testDriveStatuses),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    startKm: z.number().int().nullable(),
    endKm: z.number().int().nullable(),
    feedback: z.string().nullable(),
    version: versionSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'TestDrive' });
export type TestDrive = z.infer<typeof testDriveSchema>;
export const testDrivePageSchema = pageOf(testDriveSchema, 'TestDrivePage');

/** A test drive in a demo (or in-stock) car of the store; the licence can be checked now or before the start. */
export const createTestDriveSchema = z
  .strictObject({
    customerId: idSchema,
    vehicleId: idSchema,
    receptionId: idSchema.nullable().optional(),
    leadId: idSchema.nullable().optional(),
    route: text(500).nullable().optional(),
    licenceValidUntil: localDate.nullable().optional(),
  })
  .meta({ id: 'CreateTestDrive' });
export const checkLicenceSchema = z
  .strictObject({ version: versionSchema, licenceValidUntil: localDate })
  .meta({ id: 'CheckLicence' });
export const startTestDriveSchema = z
  .strictObject({ version: versionSchema, startKm: z.number().int().min(0).max(2_000_000).optional() })
  .meta({ id: 'StartTestDrive' });
export const endTestDriveSchema = z
  .strictObject({
    version: versionSchema,
    endKm: z.number().int().min(0).max(2_000_000).optional(),
    feedback: text(2000).optional(),
  })
  .meta({ id: 'EndTestDrive' });
export const cancelTestDriveSchema = z
  .strictObject({ version: versionSchema })
  .meta({ id: 'CancelTestDrive' });
export const testDriveListQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  customerId: idSchema.optional(),
  vehicleId: idSchema.optional(),
  status: z.enum(testDriveStatuses).optional(),
});

/** The front desk's day (接待看板): appointments, who is in the showroom, who left, test drives. */
export const receptionBoardSchema = z
  .object({
    storeId: idSchema,
    date: z.string(),
    appointments: z.array(appointmentSchema),
    inShowroom: z.array(receptionSchema),
    departed: z.array(receptionSchema),
    testDrives: z.array(testDriveSchema),
  })
  .meta({ id: 'ReceptionBoard' });
export const receptionBoardQuery = z.strictObject({
  storeId: idSchema.optional(),
  date: localDate.optional(),
});
