// The load generator thread's entry: a worker does not get tsx's loader, so it registers it first.
import { register } from 'tsx/esm/api';

register();
await import('./client.ts');
