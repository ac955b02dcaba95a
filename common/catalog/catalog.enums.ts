/** The catalogue's closed vocabularies. Labels for screens live in the web app's i18n files. */
export const energies = ['ice', 'hev', 'phev', 'erev', 'bev', 'fcev'] as const;
export type Energy = (typeof energies)[number];
/** New-energy vehicles (新能源汽车): plug-in hybrids, range extenders, battery-electric, fuel-cell. */
export const nevEnergies: readonly Energy[] = ['phev', 'erev', 'bev', 'fcev'];
export const isNevEnergy = (e: Energy) => nevEnergies.includes(e);

export const bodyTypes = [
  'sedan',
  'hatchback',
  'suv',
  'mpv',
  'coupe',
  'convertible',
  'wagon',
  'pickup',
  'van',
] as const;
export const drivetrains = ['fwd', 'rwd', 'awd', '4wd'] as const;
export const transmissions = ['manual', 'automatic', 'dct', 'cvt', 'single_speed', 'dht'] as const;

/** Safety and comfort features a customer asks for, as searchable keys (not free text). */
export const safetyFeatures = [
  'aeb',
  'acc',
  'lane_keep_assist',
  'blind_spot_monitor',
  'rear_cross_traffic_alert',
  'surround_camera_360',
  'auto_parking',
  'navigate_on_autopilot',
  'driver_monitoring',
  'airbags_6',
  'airbags_8_plus',
  'isofix',
  'tpms',
  'esc',
] as const;
export const comfortFeatures = [
  'heated_front_seats',
  'ventilated_front_seats',
  'massage_seats',
  'power_tailgate',
  'panoramic_roof',
  'keyless_entry',
  'remote_start',
  'wireless_charging',
  'hud',
  'carplay_android_auto',
  'voice_assistant',
  'ota_updates',
  'tri_zone_climate',
  'air_suspension',
  'premium_audio',
  'v2l',
  'fast_charging',
  'heat_pump',
] as const;
export const featureKeys = [...safetyFeatures, ...comfortFeatures] as const;
export type FeatureKey = (typeof featureKeys)[number];

export const colourKinds = ['exterior', 'interior'] as const;
export const optionKinds = ['factory_option', 'accessory'] as const;
export const mediaKinds = ['photo', 'video', 'vr', 'ar'] as const;
export const priceItemKinds = ['trim', 'option', 'accessory', 'fee'] as const;
export const priceListStatuses = ['draft', 'published', 'withdrawn'] as const;

/** Services whose fees a store may charge only as published (汽车销售管理办法 Art. 10). */
export const feeCodes = [
  'registration_agency',
  'temporary_plate',
  'pdi',
  'financing_service',
  'insurance_agency',
  'delivery',
  // value-added services a deal may offer (sales): published like any fee
  'extended_warranty',
  'accessory_fitting',
] as const;
