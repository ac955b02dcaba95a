import type { IdentityTables } from '../modules/identity/identity.tables';
import type { PlatformTables } from '../platform/platform.tables';
import type { IntegrationsTables } from '../modules/integrations/integrations.tables';
import type { CatalogTables } from '../modules/catalog/catalog.tables';
import type { VehiclesTables } from '../modules/vehicles/vehicles.tables';

/** The whole database as Kysely sees it: each module contributes its own tables. */
export type Database = PlatformTables & IdentityTables & IntegrationsTables & CatalogTables & VehiclesTables;
