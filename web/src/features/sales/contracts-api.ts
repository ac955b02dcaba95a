import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  amendContractSchema,
  cancelContractSchema,
  Contract,
  createContractSchema,
} from '@common/sales/contract.schemas';
import type { Refund } from '@common/sales/money.schemas';
import { api } from '../../api/api-client';
import type { Page } from '../catalog/catalog-api';
import { salesKey, useSalesCreate, useSalesVerb } from './sales-query';

export type CreateContractInput = z.input<typeof createContractSchema>;
export type AmendContractInput = z.input<typeof amendContractSchema>;
export type CancelContractInput = z.input<typeof cancelContractSchema>;
export type SigningParty = 'customer' | 'consultant';

/** All versions of the deal's contract, newest first. */
export function useDealContracts(dealId: string | undefined) {
  return useQuery({
    queryKey: [...salesKey, 'contracts', dealId],
    queryFn: () => api.get<Page<Contract>>('/contracts', { dealId, limit: 50 }),
    enabled: !!dealId,
    select: (page) => page.items,
  });
}

export function useCreateContract() {
  return useSalesCreate<CreateContractInput, Contract>('/contracts');
}

export function useUploadIdCopy() {
  return useSalesVerb<{ version: number; mime: string; dataBase64: string; fileName?: string }, Contract>(
    '/contracts',
    'id-copy',
  );
}

export function useVerifyIdentity() {
  return useSalesVerb<{ version: number }, Contract>('/contracts', 'verify-identity');
}

export function useSignContract() {
  return useSalesVerb<{ version: number; party: SigningParty; signature: string }, Contract>(
    '/contracts',
    'sign',
  );
}

export function useAmendContract() {
  return useSalesVerb<AmendContractInput, Contract>('/contracts', 'amend');
}

export function useCancelContract() {
  return useSalesVerb<CancelContractInput, { contract: Contract; refund: Refund | null }>(
    '/contracts',
    'cancel',
  );
}

export const contractPdfUrl = (id: string, lang?: string) =>
  `/api/v1/contracts/${encodeURIComponent(id)}/pdf${lang ? `?lang=${lang}` : ''}`;

/** A file picked by the user as base64 (for the ID copy and PDI photos). */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
