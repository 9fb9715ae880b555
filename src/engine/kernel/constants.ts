// Kernel constants a strategy may name without defining them.
import { VM_LOCKED, VM_READ, VM_WRITE } from './fields.js';

export function kernelConstants(pageSize: number): [string, number][] {
  const shift = Math.log2(pageSize);
  return [
    ['NULL', 0], ['true', 1], ['false', 0],
    ['PAGE_SIZE', pageSize], ['PAGE_CACHE_SIZE', pageSize], ['PAGE_SHIFT', shift], ['PAGE_CACHE_SHIFT', shift],
    ['PAGE_MASK', ~(pageSize - 1)], ['PAGE_CACHE_MASK', ~(pageSize - 1)],
    ['EFAULT', 14], ['EEXIST', 17], ['ENOMEM', 12], ['EAGAIN', 11], ['EINVAL', 22], ['EIO', 5], ['EBUSY', 16], ['EPERM', 1],
    ['EDEADLK', 35], ['EDEADLOCK', 35],
    ['VM_READ', VM_READ], ['VM_WRITE', VM_WRITE], ['VM_LOCKED', VM_LOCKED],
    ['FAULT_FLAG_WRITE', 1], ['FOLL_WRITE', 1], ['FOLL_GET', 4],
    ['PGFAULT', 1], ['GFP_KERNEL', 0], ['GFP_NOFS', 0], ['GFP_HIGHUSER', 0],
  ];
}
