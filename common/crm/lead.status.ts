/**
 * The lead's status machine (architecture rule 6; handbook H3.1): one purchase interest from first contact
 * to won or lost. The service refuses any other move with a 409 naming the current state; the web shows
 * only the actions legal from the current state.
 */
export const leadStatuses = [
  'new',
  'contacted',
  'appointment',
  'visited',
  'negotiating',
  'won',
  'lost',
] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export const leadTransitions = {
  contact: { from: ['new'], to: 'contacted' }, // first call or message answered: the SLA is met
  book_appointment: { from: ['new', 'contacted'], to: 'appointment' }, // 预约到店
  visit: { from: ['new', 'contacted', 'appointment'], to: 'visited' }, // came to the showroom (到店)
  negotiate: { from: ['contacted', 'appointment', 'visited'], to: 'negotiating' }, // price talks (洽谈)
  win: { from: ['visited', 'negotiating'], to: 'won' }, // a deal is signed (成交)
  lose: { from: ['new', 'contacted', 'appointment', 'visited', 'negotiating'], to: 'lost' }, // 战败, with a reason
  reopen: { from: ['lost'], to: 'contacted' }, // the customer came back
} as const satisfies Record<string, { from: readonly LeadStatus[]; to: LeadStatus }>;
export type LeadAction = keyof typeof leadTransitions;
export const leadActions = Object.keys(leadTransitions) as LeadAction[];

export function canMoveLead(status: LeadStatus, action: LeadAction): boolean {
  return (leadTransitions[action].from as readonly LeadStatus[]).includes(status);
}

/** The actions a user may take from a state (the web shows only these). */
export function leadActionsFrom(status: LeadStatus): LeadAction[] {
  return leadActions.filter((a) => canMoveLead(status, a));
}

/** Where leads come from (H3.1; the online platforms a Chinese store buys leads from are named). */
export const leadSources = [
  'walk_in',
  'phone',
  'website',
  'autohome', // 汽车之家
  'dongchedi', // 懂车帝
  'yiche', // 易车
  'other_platform',
  'referral',
  'campaign',
  'service_to_sales', // a service customer interested in a new car (售后转介绍)
] as const;
export type LeadSource = (typeof leadSources)[number];

/** Why a lead was lost (战败原因): the manager's defeat analysis groups by these. */
export const lostReasons = [
  'price',
  'bought_competitor',
  'bought_elsewhere_same_brand',
  'no_longer_interested',
  'financing_refused',
  'unreachable',
  'other',
] as const;
export type LostReason = (typeof lostReasons)[number];

/** How a store hands out new leads: round robin over its active consultants, or a manager assigns. */
export const assignmentModes = ['round_robin', 'manager'] as const;
