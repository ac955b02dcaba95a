// The load generator thread's entry: a worker does not get tsx's loader, so it loads the TypeScript
// through tsx's own import (scoped to this import, nothing registered globally).
import { tsImport } from 'tsx/esm/api';

await tsImport('./client.ts', import.meta.url);
