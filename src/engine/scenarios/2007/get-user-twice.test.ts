// Andrew's get_user()-twice repair of the unpaging_lock against Nick's "Race condition remains":
// the repair passes in the one-task world of 2007/unpaging-lock and deadlocks once a second task
// reclaims the source between the two touches.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stepOf } from '../../test/golden-trace.js';
import { check } from '../../index.js';

const here = dirname(fileURLToPath(import.meta.url));
const cells = resolve(here, '../../../content/cells/2007-pagecache-write-deadlocks');
const run = (scenario: string, id: string) => check({ scenario, strategy: readFileSync(join(cells, `${id}.c`), 'utf8') });

describe('get_user() twice under unpaging_lock', () => {
  it('is OK with no second unmapper, where the single touch deadlocks', () => {
    expect(run('2007/unpaging-lock', 'unpaging-lock').outcome).toBe('deadlock');
    expect(run('2007/unpaging-lock', 'get-user-twice').outcome).toBe('ok');
  });
  it('deadlocks when another task reclaims the source between the touches', () => {
    const r = run('2007/get-user-twice', 'get-user-twice');
    expect(r.outcome).toBe('deadlock');
    const t = r.trace!;
    const taken = stepOf(t, 'allocator', 'remove_mapping');
    const locked = stepOf(t, 'writer', 'down_read', 'generic_file_buffered_write');
    const allocates = stepOf(t, 'writer', 'page_cache_alloc');	/* the second touch's fault */
    expect(taken >= 0 && taken < locked && locked < allocates).toBe(true);
  });
});
