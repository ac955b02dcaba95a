import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import {
  ApiOutlined,
  AppstoreOutlined,
  BarcodeOutlined,
  CalculatorOutlined,
  CarOutlined,
  FunnelPlotOutlined,
  HomeOutlined,
  IdcardOutlined,
  LayoutOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ShopOutlined,
  TagsOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { AccountBookOutlined, CarryOutOutlined, ControlOutlined, SolutionOutlined } from '@ant-design/icons';
import {
  CalendarOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  ProjectOutlined,
  SettingOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import {
  AlertOutlined,
  AuditOutlined,
  ContainerOutlined,
  DropboxOutlined,
  ShoppingOutlined,
  SolutionOutlined as SupplierOutlined,
} from '@ant-design/icons';
import type { Action } from '@common/identity/roles';
import type { Me } from '@common/identity/user.schemas';
import type { Messages } from '../i18n/en';
import { permissionScope } from '../features/identity/auth-api';

/** The handbook's areas, in menu order. A group shows only when it has an entry the user may open. */
export const menuGroups = [
  'reception',
  'sales',
  'delivery',
  'service',
  'parts',
  'purchasing',
  'quality',
  'marketing',
  'surveys',
  'staff',
  'analytics',
  'tools',
  'administration',
] as const satisfies readonly (keyof Messages['menu']['groups'])[];
export type MenuGroup = (typeof menuGroups)[number];

type MenuLabel = Exclude<keyof Messages['menu'], 'groups'>;

export interface MenuEntry {
  group: MenuGroup;
  /** i18n key under `menu.` */
  label: MenuLabel;
  path: string;
  icon: ReactNode;
  /** The action the user needs at any scope; none = every signed-in user. */
  permission?: Action;
  page: LazyExoticComponent<ComponentType>;
}

const usersPage = lazy(() =>
  import('../features/identity/users-page').then((m) => ({ default: m.UsersPage })),
);
const storesPage = lazy(() =>
  import('../features/identity/stores-page').then((m) => ({ default: m.StoresPage })),
);
const apiTokensPage = lazy(() =>
  import('../features/identity/api-tokens-page').then((m) => ({ default: m.ApiTokensPage })),
);

const myDayPage = lazy(() => import('../features/crm/my-day-page').then((m) => ({ default: m.MyDayPage })));
const receptionBoardPage = lazy(() =>
  import('../features/crm/reception-board-page').then((m) => ({ default: m.ReceptionBoardPage })),
);
const leadsPage = lazy(() => import('../features/crm/leads-page').then((m) => ({ default: m.LeadsPage })));
const needsWizardPage = lazy(() =>
  import('../features/crm/needs-wizard-page').then((m) => ({ default: m.NeedsWizardPage })),
);
const purchasePlanPage = lazy(() =>
  import('../features/crm/purchase-plan-page').then((m) => ({ default: m.PurchasePlanPage })),
);

const customersPage = lazy(() =>
  import('../features/crm/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const customerPage = lazy(() =>
  import('../features/crm/customer-page').then((m) => ({ default: m.CustomerPage })),
);
const catalogPage = lazy(() =>
  import('../features/catalog/catalog-page').then((m) => ({ default: m.CatalogPage })),
);
const priceListsPage = lazy(() =>
  import('../features/catalog/price-lists-page').then((m) => ({ default: m.PriceListsPage })),
);
const stockPage = lazy(() =>
  import('../features/vehicles/stock-page').then((m) => ({ default: m.StockPage })),
);
const vehiclePage = lazy(() =>
  import('../features/vehicles/vehicle-page').then((m) => ({ default: m.VehiclePage })),
);
const showroomPage = lazy(() =>
  import('../features/vehicles/showroom-page').then((m) => ({ default: m.ShowroomPage })),
);
const vinDecoderPage = lazy(() =>
  import('../features/tools/vin-decoder-page').then((m) => ({ default: m.VinDecoderPage })),
);
const taxCalculatorPage = lazy(() =>
  import('../features/tools/tax-calculator-page').then((m) => ({ default: m.TaxCalculatorPage })),
);
const threeGuaranteePage = lazy(() =>
  import('../features/tools/three-guarantee-page').then((m) => ({ default: m.ThreeGuaranteePage })),
);
// sales (issue 6): deals, cashier, deliveries
const dealsPage = lazy(() => import('../features/sales/deals-page').then((m) => ({ default: m.DealsPage })));
const dealPage = lazy(() => import('../features/sales/deal-page').then((m) => ({ default: m.DealPage })));
const cashierPage = lazy(() =>
  import('../features/sales/cashier-page').then((m) => ({ default: m.CashierPage })),
);
const deliveriesPage = lazy(() =>
  import('../features/sales/deliveries-page').then((m) => ({ default: m.DeliveriesPage })),
);
const deliveryPage = lazy(() =>
  import('../features/sales/delivery-page').then((m) => ({ default: m.DeliveryPage })),
);
const salesSettingsPage = lazy(() =>
  import('../features/sales/sales-settings-page').then((m) => ({ default: m.SalesSettingsPage })),
);
// service (issue 7): workshop board, bookings, requests, technician's jobs, health records
const workshopBoardPage = lazy(() =>
  import('../features/service/workshop-board-page').then((m) => ({ default: m.WorkshopBoardPage })),
);
const serviceBookingsPage = lazy(() =>
  import('../features/service/service-bookings-page').then((m) => ({ default: m.ServiceBookingsPage })),
);
const serviceRequestsPage = lazy(() =>
  import('../features/service/service-requests-page').then((m) => ({ default: m.ServiceRequestsPage })),
);
const technicianJobsPage = lazy(() =>
  import('../features/service/technician-jobs-page').then((m) => ({ default: m.TechnicianJobsPage })),
);
const healthRecordsPage = lazy(() =>
  import('../features/service/health-records-page').then((m) => ({ default: m.HealthRecordsPage })),
);
const workshopSetupPage = lazy(() =>
  import('../features/service/workshop-setup-page').then((m) => ({ default: m.WorkshopSetupPage })),
);
const repairOrderPage = lazy(() =>
  import('../features/service/repair-order-page').then((m) => ({ default: m.RepairOrderPage })),
);

// parts and purchasing (issue 8): parts search and ledger, orders, stocktakes, alerts, suppliers, POs
const partsPage = lazy(() => import('../features/parts/parts-page').then((m) => ({ default: m.PartsPage })));
const partPage = lazy(() => import('../features/parts/part-page').then((m) => ({ default: m.PartPage })));
const partsOrdersPage = lazy(() =>
  import('../features/parts/parts-orders-page').then((m) => ({ default: m.PartsOrdersPage })),
);
const partsOrderPage = lazy(() =>
  import('../features/parts/parts-order-page').then((m) => ({ default: m.PartsOrderPage })),
);
const stocktakesPage = lazy(() =>
  import('../features/parts/stocktakes-page').then((m) => ({ default: m.StocktakesPage })),
);
const stocktakePage = lazy(() =>
  import('../features/parts/stocktake-page').then((m) => ({ default: m.StocktakePage })),
);
const stockAlertsPage = lazy(() =>
  import('../features/parts/stock-alerts-page').then((m) => ({ default: m.StockAlertsPage })),
);
const suppliersPage = lazy(() =>
  import('../features/parts/suppliers-page').then((m) => ({ default: m.SuppliersPage })),
);
const supplierPage = lazy(() =>
  import('../features/parts/supplier-page').then((m) => ({ default: m.SupplierPage })),
);
const purchaseOrdersPage = lazy(() =>
  import('../features/parts/purchase-orders-page').then((m) => ({ default: m.PurchaseOrdersPage })),
);
const purchaseOrderPage = lazy(() =>
  import('../features/parts/purchase-order-page').then((m) => ({ default: m.PurchaseOrderPage })),
);

/** Every screen of the app. Adding a module's screen is one line here. */
export const menuEntries: MenuEntry[] = [
  // everyone's start page: their alerts and what is due (handbook H3; later modules add to the inbox)
  { group: 'reception', label: 'myDay', path: '/my-day', icon: <HomeOutlined />, page: myDayPage },
  {
    group: 'reception',
    label: 'receptionBoard',
    path: '/reception',
    icon: <ScheduleOutlined />,
    permission: 'reception.read',
    page: receptionBoardPage,
  },
  {
    group: 'reception',
    label: 'leads',
    path: '/leads',
    icon: <FunnelPlotOutlined />,
    permission: 'leads.read',
    page: leadsPage,
  },
  {
    group: 'administration',
    label: 'users',
    path: '/admin/users',
    icon: <TeamOutlined />,
    permission: 'users.read',
    page: usersPage,
  },
  {
    group: 'administration',
    label: 'stores',
    path: '/admin/stores',
    icon: <ShopOutlined />,
    permission: 'stores.read',
    page: storesPage,
  },
  {
    group: 'administration',
    label: 'apiTokens',
    path: '/admin/api-tokens',
    icon: <ApiOutlined />,
    page: apiTokensPage,
  },
  // Then administration, sales and tools; the menu orders by group.
  {
    group: 'sales',
    label: 'catalog',
    path: '/catalog',
    icon: <AppstoreOutlined />,
    permission: 'catalog.read',
    page: catalogPage,
  },
  {
    group: 'sales',
    label: 'priceLists',
    path: '/price-lists',
    icon: <TagsOutlined />,
    permission: 'prices.read',
    page: priceListsPage,
  },
  {
    group: 'sales',
    label: 'stock',
    path: '/vehicles',
    icon: <CarOutlined />,
    permission: 'vehicles.read',
    page: stockPage,
  },
  {
    group: 'sales',
    label: 'showroom',
    path: '/showroom',
    icon: <LayoutOutlined />,
    permission: 'showroom.read',
    page: showroomPage,
  },
  // after the sales entries, so that a user who may open both keeps their usual start page
  {
    group: 'sales',
    label: 'customers',
    path: '/customers',
    icon: <IdcardOutlined />,
    permission: 'customers.read',
    page: customersPage,
  },
  {
    group: 'tools',
    label: 'vinCheck',
    path: '/tools/vin',
    icon: <BarcodeOutlined />,
    permission: 'rules.use',
    page: vinDecoderPage,
  },
  {
    group: 'tools',
    label: 'taxCalculator',
    path: '/tools/tax',
    icon: <CalculatorOutlined />,
    permission: 'rules.use',
    page: taxCalculatorPage,
  },
  {
    group: 'tools',
    label: 'threeGuarantee',
    path: '/tools/three-guarantee',
    icon: <SafetyCertificateOutlined />,
    permission: 'rules.use',
    page: threeGuaranteePage,
  },
  // sales (issue 6): the deals list, finance's cashier, the delivery schedule
  {
    group: 'sales',
    label: 'deals',
    path: '/deals',
    icon: <SolutionOutlined />,
    permission: 'deals.read',
    page: dealsPage,
  },
  {
    group: 'sales',
    label: 'cashier',
    path: '/cashier',
    icon: <AccountBookOutlined />,
    permission: 'payments.confirm',
    page: cashierPage,
  },
  {
    group: 'delivery',
    label: 'deliveries',
    path: '/deliveries',
    icon: <CarryOutOutlined />,
    permission: 'deliveries.read',
    page: deliveriesPage,
  },
  {
    // the store's sales rules are set by whoever manages the store (the server checks users.manage)
    group: 'administration',
    label: 'salesSettings',
    path: '/sales-settings',
    icon: <ControlOutlined />,
    permission: 'users.manage',
    page: salesSettingsPage,
  },
  {
    group: 'service',
    label: 'workshopBoard',
    path: '/service/board',
    icon: <ProjectOutlined />,
    permission: 'service.read',
    page: workshopBoardPage,
  },
  {
    group: 'service',
    label: 'serviceBookings',
    path: '/service/bookings',
    icon: <CalendarOutlined />,
    permission: 'service.manage',
    page: serviceBookingsPage,
  },
  {
    group: 'service',
    label: 'serviceRequests',
    path: '/service/requests',
    icon: <CustomerServiceOutlined />,
    permission: 'service.manage',
    page: serviceRequestsPage,
  },
  {
    group: 'service',
    label: 'myJobs',
    path: '/service/my-jobs',
    icon: <ToolOutlined />,
    permission: 'service.work',
    page: technicianJobsPage,
  },
  {
    group: 'service',
    label: 'healthRecords',
    path: '/service/health-records',
    icon: <CloudUploadOutlined />,
    permission: 'service.read',
    page: healthRecordsPage,
  },
  {
    group: 'service',
    label: 'workshopSetup',
    path: '/service/setup',
    icon: <SettingOutlined />,
    permission: 'workshop.manage',
    page: workshopSetupPage,
  },
  {
    group: 'parts',
    label: 'partsSearch',
    path: '/parts',
    icon: <DropboxOutlined />,
    permission: 'parts.read',
    page: partsPage,
  },
  {
    group: 'parts',
    label: 'partsOrders',
    path: '/parts-orders',
    icon: <ShoppingOutlined />,
    permission: 'parts.read',
    page: partsOrdersPage,
  },
  {
    group: 'parts',
    label: 'stocktakes',
    path: '/stocktakes',
    icon: <AuditOutlined />,
    permission: 'parts.read',
    page: stocktakesPage,
  },
  {
    group: 'parts',
    label: 'stockAlerts',
    path: '/stock-alerts',
    icon: <AlertOutlined />,
    permission: 'parts.read',
    page: stockAlertsPage,
  },
  {
    group: 'purchasing',
    label: 'suppliers',
    path: '/suppliers',
    icon: <SupplierOutlined />,
    permission: 'suppliers.read',
    page: suppliersPage,
  },
  {
    group: 'purchasing',
    label: 'purchaseOrders',
    path: '/purchase-orders',
    icon: <ContainerOutlined />,
    permission: 'suppliers.read',
    page: purchaseOrdersPage,
  },
];

/** Pages reached from a list, not from the menu (e.g. one vehicle); the menu keeps its parent entry selected. */
export type DetailRoute = Pick<MenuEntry, 'path' | 'permission' | 'page'>;

export const detailRoutes: DetailRoute[] = [
  { path: '/vehicles/:id', permission: 'vehicles.read', page: vehiclePage },
  { path: '/customers/:id', permission: 'customers.read', page: customerPage },
  { path: '/leads/:id/needs', permission: 'needs.read', page: needsWizardPage },
  { path: '/purchase-plans/:id', permission: 'plans.read', page: purchasePlanPage },
  { path: '/deals/:id', permission: 'deals.read', page: dealPage },
  { path: '/deliveries/:id', permission: 'deliveries.read', page: deliveryPage },
  { path: '/service/orders/:id', permission: 'service.read', page: repairOrderPage },
  { path: '/parts/:id', permission: 'parts.read', page: partPage },
  { path: '/parts-orders/:id', permission: 'parts.read', page: partsOrderPage },
  { path: '/stocktakes/:id', permission: 'parts.read', page: stocktakePage },
  { path: '/suppliers/:id', permission: 'suppliers.read', page: supplierPage },
  { path: '/purchase-orders/:id', permission: 'suppliers.read', page: purchaseOrderPage },
];

function mayOpen(me: Me, entry: DetailRoute): boolean {
  return !entry.permission || permissionScope(me, entry.permission) !== null;
}

export function visibleEntries(me: Me): MenuEntry[] {
  return menuEntries.filter((entry) => mayOpen(me, entry));
}

export function visibleDetailRoutes(me: Me): DetailRoute[] {
  return detailRoutes.filter((entry) => mayOpen(me, entry));
}
