import { useSyncExternalStore } from 'react';

let asked: MediaQueryList | null = null;
const reduceMotion = () => (asked ??= window.matchMedia('(prefers-reduced-motion: reduce)'));

function subscribe(onChange: () => void): () => void {
  reduceMotion().addEventListener('change', onChange);
  return () => reduceMotion().removeEventListener('change', onChange);
}

/**
 * Whether the user asked the system for less motion (WCAG 2.3.3): antd's drawers, dropdowns and
 * messages then appear at once instead of sliding and zooming.
 */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => reduceMotion().matches,
    () => false,
  );
}
