// The build's trace of each cell travels inside the page for the scrubber. Each step carries the
// whole world, so a chapter's traces are hundreds of kilobytes of very repetitive JSON: deflated
// and base64-encoded they are a tenth of that, and the page decodes one only when that cell's
// scrubber wakes up (this module is imported on demand).
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Trace } from '../../engine/api';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeTrace(trace: Trace | null): string {
  return toBase64(deflateSync(strToU8(JSON.stringify(trace)), { level: 9 }));
}

export function decodeTrace(text: string): Trace | null {
  return JSON.parse(strFromU8(inflateSync(fromBase64(text)))) as Trace | null;
}
