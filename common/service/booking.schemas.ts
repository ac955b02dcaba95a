import { z } from 'zod';
import { localDateSchema } from '../rules/local-date.schema';
import { idSchema, isoInstant, pageOf, paginationQuery, versionSchema } from '../platform/common.schemas';
import { workshopSkills } from './workshop.schemas';

/** Service requests (H6.1 1-2, H5.2.2): how they came in, their class and urgency, a first-response SLA. */
export const requestChannels = ['phone', 'online', 'walk_in'] as const;
export const requestCategories = [
  'maintenance',
  'repair',
  'warranty',
  'accident',
  'recall',
  'complaint',
] as const;
export const requestUrgencies = ['low', 'normal', 'high', 'critical'] as const;
export const requestStatuses = ['open', 'responded', 'booked', 'closed'] as const;
/** The first-response time by urgency, as a share of the store's first-response minutes (critical: a quarter). */
export const urgencyResponseFactor: Record<(typeof requestUrgencies)[number], number> = {
  low: 2,
  normal: 1,
  high: 0.5,
  critical: 0.25,
};

export const createServiceRequestSchema = z
  .strictObject({
    storeId: idSchema,
    customerId: idSchema,
    customerVehicleId: idSchema.nullable().optional(),
    channel: z.enum(requestChannels),
    category: z.enum(requestCategories),
    urgency: z.enum(requestUrgencies).default('normal'),
    description: z.string().trim().min(1).max(2000),
  })
  .meta({ id: 'CreateServiceRequest' });

export const respondServiceRequestSchema = z
  .strictObject({ version: versionSchema, note: z.string().trim().min(1).max(2000) })
  .meta({ id: 'RespondServiceRequest' });

export const serviceRequestSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    number: z.string(),
    customerId: idSchema,
    customerName: z.string(),
    customerVehicleId: idSchema.nullable(),
    channel: z.string(),
    category: z.string(),
    urgency: z.string(),
    description: z.string(),
    status: z.string(),
    responseDueAt: z.string(),
    respondedAt: z.string().nullable(),
    responseNote: z.string().nullable(),
    slaMissed: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'ServiceRequest' });
export const serviceRequestPageSchema = pageOf(serviceRequestSchema, 'ServiceRequestPage');
export const serviceRequestQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  status: z.enum(requestStatuses).optional(),
});

/** Bookings with capacity (H6.1 3): a slot needs a free bay and a free technician with the job's skill. */
const localDate = localDateSchema;
export const pickupStatuses = ['none', 'planned', 'picked_up', 'returned'] as const;

export const availabilityQuery = z.strictObject({
  /** Default: the user's only store. */
  storeId: idSchema.optional(),
  /** Default: today in the store's time zone. */
  date: localDate.optional(),
  minutes: z.coerce.number().int().min(15).max(600).default(60),
  skill: z.enum(workshopSkills).optional(),
});

export const slotSchema = z
  .object({ startAt: z.string(), endAt: z.string(), bays: z.number().int(), technicians: z.number().int() })
  .meta({ id: 'BookingSlot' });
export const availabilitySchema = z
  .object({ date: z.string(), slots: z.array(slotSchema) })
  .meta({ id: 'BookingAvailability' });

export const createBookingSchema = z
  .strictObject({
    storeId: idSchema,
    customerVehicleId: idSchema,
    serviceRequestId: idSchema.nullable().optional(),
    laborOperationId: idSchema.nullable().optional(),
    skill: z.enum(workshopSkills).nullable().optional(),
    startAt: isoInstant,
    minutes: z.number().int().min(15).max(600),
    /** A bay and technician of choice; otherwise the first free qualified ones are taken. */
    bayId: idSchema.nullable().optional(),
    technicianId: idSchema.nullable().optional(),
    note: z.string().trim().max(1000).nullable().optional(),
    pickup: z
      .strictObject({
        address: z.string().trim().min(1).max(300),
        driver: z.string().trim().max(60).nullable().optional(),
        at: isoInstant,
      })
      .nullable()
      .optional(),
    loanerCar: z.string().trim().max(60).nullable().optional(),
  })
  .meta({ id: 'CreateServiceBooking' });

export const bookingSchema = z
  .object({
    id: idSchema,
    storeId: idSchema,
    number: z.string(),
    customerId: idSchema,
    customerName: z.string(),
    customerVehicleId: idSchema,
    vin: z.string(),
    plate: z.string().nullable(),
    serviceRequestId: idSchema.nullable(),
    laborOperationId: idSchema.nullable(),
    skill: z.string().nullable(),
    startAt: z.string(),
    endAt: z.string(),
    bayId: idSchema,
    bayName: z.string(),
    technicianId: idSchema,
    technicianName: z.string(),
    status: z.string(),
    note: z.string().nullable(),
    pickupAddress: z.string().nullable(),
    pickupDriver: z.string().nullable(),
    pickupAt: z.string().nullable(),
    pickupStatus: z.string(),
    loanerCar: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ServiceBooking' });
export const bookingPageSchema = pageOf(bookingSchema, 'ServiceBookingPage');
export const bookingQuery = paginationQuery.extend({
  storeId: idSchema.optional(),
  /** Bookings starting on this local date of the store. */
  date: localDate.optional(),
});
export const cancelBookingSchema = z
  .strictObject({ version: versionSchema })
  .meta({ id: 'CancelServiceBooking' });
/** The pick-up and drop-off service (车辆接送): the driver has the car, then has brought it back. */
export const pickupStatusSchema = z
  .strictObject({ version: versionSchema, status: z.enum(['picked_up', 'returned']) })
  .meta({ id: 'ServiceBookingPickupStatus' });
