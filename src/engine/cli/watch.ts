// `check --watch`: run once, then again whenever a file the run read changes. Editors often save
// by writing a new file and renaming it over the old one, so the folders are watched (not the
// files' inodes), and a run happens only when some file's content differs from what the last run
// read: one saved change, one rerun. Runs until the process is stopped (Ctrl-C), or ends at once
// with the first run's status when that run read no file.
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import type { Io } from './io.js';

/** how long to wait for an editor's save to settle before reading the files */
const SETTLE_MS = 80;

const contents = (files: string[]) => files.map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : null));

/**
 * `separate`: where the line between runs goes: standard output between text reports, standard
 * error when standard output carries JSON documents.
 */
export function watchCheck(run: () => { status: number; watch: string[] }, io: Io, separate: 'out' | 'err' = 'out'): Promise<number> {
  return new Promise((done) => {
    let watchers: FSWatcher[] = [];
    let files: string[] = [];
    let seen: (string | null)[] = [];
    let timer: NodeJS.Timeout | undefined;
    let status = 0;

    const close = () => { for (const w of watchers) w.close(); watchers = []; };
    const rerun = (why: string) => {
      if (why) io[separate](`\n--- ${why}: rerunning\n`);
      const r = run();
      status = r.status;
      // a run that could not read its inputs keeps watching what it watched before
      if (r.watch.length) files = r.watch;
      seen = contents(files);
      close();
      for (const folder of new Set(files.map(dirname))) {
        const w = watch(folder, (_event, name) => {
          if (name && !files.some((f) => dirname(f) === folder && basename(f) === String(name))) return;
          clearTimeout(timer);
          timer = setTimeout(changed, SETTLE_MS);
        });
        w.on('error', () => { /* a folder that goes away: the next run's folders replace it */ });
        watchers.push(w);
      }
    };
    const changed = () => {
      const now = contents(files);
      const which = files.filter((_, i) => now[i] !== seen[i]);
      // an editor's intermediate state (file briefly absent) or a touch without a change: no rerun
      if (!which.length || now.some((c) => c === null)) return;
      rerun(`${which.map((f) => relative(process.cwd(), f)).join(', ')} changed`);
    };

    rerun('');
    // a first run that read no file (standard input, or inputs it could not read) has nothing to watch: done
    if (!files.length) {
      io.err('faultlines: nothing to watch: the check read no files\n');
      done(status);
      return;
    }
    // from here the promise never settles: the process ends on Ctrl-C or a signal
    io.err(`faultlines: watching ${files.map((f) => relative(process.cwd(), f)).join(', ')} (Ctrl-C to stop)\n`);
  });
}
