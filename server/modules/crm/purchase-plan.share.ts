import { createHmac, randomBytes } from 'node:crypto';
import { PLAN_SHARE_DAYS } from '../../../common/crm/purchase-plan.schemas';
import { tokenHash } from '../../platform/auth';
import type { PiiKeys } from '../../platform/pii';

/**
 * The share link of a purchase plan: an unguessable token the customer opens without an account. It is
 * derived from the server's secret key and the plan's random nonce, so the database holds only its
 * hash (a leaked table opens nothing) and staff can copy the same link again; a new nonce revokes it.
 */
export function shareToken(keys: PiiKeys, planId: string, nonce: string): string {
  return createHmac('sha256', keys.hashKey)
    .update(`purchase-plan-share:${planId}:${nonce}`)
    .digest('base64url');
}

/** A fresh share for a plan: nonce, token hash and the instant it stops working. */
export function newShare(keys: PiiKeys, planId: string, now: Date = new Date()) {
  const nonce = randomBytes(16).toString('base64url');
  return {
    share_nonce: nonce,
    share_token_hash: tokenHash(shareToken(keys, planId, nonce)),
    share_expires_at: new Date(now.getTime() + PLAN_SHARE_DAYS * 86_400_000).toISOString(),
  };
}

export const sharePathOf = (token: string) => `/share/purchase-plans/${token}`;
