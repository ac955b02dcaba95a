import { decodeVin } from '../../../common/rules/vin';

/** A VIN that decodes as valid (GB 16735 / ISO 3779, check digit included). */
export const isValidVin = (vin: string) => decodeVin(vin).valid;
