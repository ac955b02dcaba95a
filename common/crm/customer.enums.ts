/** Enumerations of the customer file (客户档案), shared by the server and the web app. */
export const customerTypes = ['individual', 'company'] as const;
export type CustomerType = (typeof customerTypes)[number];

export const customerStatuses = ['active', 'merged'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

/** Identity documents a dealer records (GB 11643 resident id, passports, permits, 外国人永久居留身份证). */
export const identityDocumentTypes = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence',
] as const;
export type IdentityDocumentType = (typeof identityDocumentTypes)[number];

/** Channels a customer is reached on; marketing on each needs recorded consent (PIPL Art. 13/14). */
export const contactChannels = ['phone', 'sms', 'wechat', 'email'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** Where a consent was given: how the dealer can prove it. */
export const consentSources = ['in_store_form', 'phone_call', 'online_form', 'wechat', 'contract'] as const;
export type ConsentSource = (typeof consentSources)[number];

export const preferredTimes = ['morning', 'afternoon', 'evening', 'weekend', 'any'] as const;
export type PreferredTime = (typeof preferredTimes)[number];

export const customerVehicleStatuses = ['active', 'inactive'] as const;
export type CustomerVehicleStatus = (typeof customerVehicleStatuses)[number];

/** At most this many mobile numbers per customer. */
export const maxMobiles = 5;
