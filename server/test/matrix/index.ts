import { catalogMatrix } from './catalog.rows';
import { identityMatrix } from './identity.rows';
import { integrationsMatrix } from './integrations.rows';
import { rulesMatrix } from './rules.rows';
import { vehiclesMatrix } from './vehicles.rows';
import { crmMatrix } from './crm.rows';
import { leadsMatrix } from './leads.rows';
import { receptionMatrix } from './reception.rows';
import { tasksMatrix } from './tasks.rows';
import { needsMatrix } from './needs.rows';
import { serviceMatrix } from './service.rows';
import { partsMatrix } from './parts.rows';
import { salesMatrix } from './sales.rows';
import type { MatrixModule } from './types';

/** Every module's rows of the permission matrix. A module adds its file here. */
export const matrixModules: MatrixModule<unknown>[] = [
  identityMatrix,
  integrationsMatrix,
  rulesMatrix,
  catalogMatrix,
  vehiclesMatrix,
  crmMatrix,
  leadsMatrix,
  needsMatrix,
  receptionMatrix,
  tasksMatrix,
  salesMatrix,
  serviceMatrix,
  partsMatrix,
];
