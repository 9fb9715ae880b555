// The reader's last edit of each cell, kept in this browser so a reload does not lose it.
import type { MemoryModel } from '../../engine/api';

export interface SavedEdit {
  code: string;
  model?: MemoryModel;
  params?: Record<string, number | boolean>;
}

const prefix = 'faultlines:v1:cell:';

function store(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame): edits simply are not kept
  }
}

export function loadEdit(key: string): SavedEdit | null {
  const raw = store()?.getItem(prefix + key);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as SavedEdit;
    return typeof value.code === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function saveEdit(key: string, edit: SavedEdit): void {
  try {
    store()?.setItem(prefix + key, JSON.stringify(edit));
  } catch {
    // quota exceeded: keeping the edit is a convenience, not a promise
  }
}

export function clearEdit(key: string): void {
  store()?.removeItem(prefix + key);
}
