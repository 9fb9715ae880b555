// A final state as herd prints one: `0:r0=1; x=&y;`.
import type { FinalValues } from '../litmus/index.js';

export function showValues(v: FinalValues): string {
  return Object.entries(v).map(([k, x]) => `${k}=${x};`).join(' ');
}
