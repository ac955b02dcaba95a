import type { IdentityTables } from '../modules/identity/identity.tables';
import type { PlatformTables } from '../platform/platform.tables';
import type { IntegrationsTables } from '../modules/integrations/integrations.tables';
import type { CatalogTables } from '../modules/catalog/catalog.tables';
import type { VehiclesTables } from '../modules/vehicles/vehicles.tables';
import type { CrmTables } from '../modules/crm/crm.tables';
import type { LeadTables } from '../modules/crm/lead.tables';
import type { NeedsTables } from '../modules/crm/needs.tables';
import type { ReceptionTables } from '../modules/crm/reception.tables';
import type { TaskTables } from '../modules/crm/task.tables';
import type { SalesTables } from '../modules/sales/sales.tables';
import type { PartsTables } from '../modules/parts/parts.tables';
import type { ServiceTables } from '../modules/service/service.tables';

/** The whole database as Kysely sees it: each module contributes its own tables. */
export type Database = PlatformTables &
  IdentityTables &
  IntegrationsTables &
  CatalogTables &
  VehiclesTables &
  CrmTables &
  LeadTables &
  NeedsTables &
  ReceptionTables &
  TaskTables &
  SalesTables &
  PartsTables &
  ServiceTables;
