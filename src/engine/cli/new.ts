// `faultlines new scenario NAME [--out FILE]`: write a commented scenario file from a template
// that checks as-is (verdict ok), to edit into a scenario of one's own. Never overwrites a file.
import { existsSync, writeFileSync } from 'node:fs';
import { parseCommandArgs, stringOption, UsageError, type OptionSpec } from './args.js';
import { stdio, type Io } from './io.js';

export const NEW_OPTIONS: OptionSpec = { out: { type: 'string', short: 'o' } };

export const NEW_HELP = `usage: faultlines new scenario NAME [--out FILE]

Write a scenario file from a commented template (files, pages, an mm, tasks, oracles, code) that
checks as-is, to edit into your own. NAME is the scenario's id, like mine/page-race; the file is
NAME's last part with .scn (page-race.scn) unless --out names it (- writes to standard output).
An existing file is never overwritten.

options:
  -o, --out FILE   where to write the scenario
  -h, --help       this help
`;

const ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]*(\/[A-Za-z0-9_][A-Za-z0-9_.-]*)*$/;

export function scenarioTemplate(id: string, file: string): string {
  return `# ${id}: a scenario of your own. Check it:   faultlines check ${file}
# One declaration per line; '#' starts a comment. Every declaration is described in
# src/engine/README.md, "Scenario files".

id          ${id}
title       A write and a read of one page
description A task writes two bytes into file A while another reads page 0 under its lock.
model       sc                       # the memory model: sc, tso or weak

# Files: a name and the bytes on disk (pages are 4 bytes unless 'page-size' says otherwise).
file        A "abcd"
# Pages: here A's page 0, already in the page cache and read from disk ('uptodate').
# Leave 'uptodate' off and the reader's BUG_ON below fires when it runs before the write
# (verdict bug); add 'locked' to start the page locked.
page        pageA file A index 0 uptodate

# An address space (mm) with two user buffers: the writer's data and the reader's destination.
# 'map m0 0x1000 file A writable' would map the file itself (and a copy from it can fault).
mm          m0
anon        m0 0x2000 "XY" writable
anon        m0 0x3000 ".." writable

# A shared word the code counts in; 'observe' lists its reachable final values.
global      reads = 0
observe     reads

# Tasks: a name, a CPU, an mm, and the call it makes (a prelude function or one from 'code:').
task        writer cpu 0 mm m0 : sys_write(A, 0, 0x2000, 2)
task        reader cpu 1 mm m0 : reader(0x3000)

# Oracles. Built in: a read that returns bytes nobody wrote or stale disk data is corruption;
# so is a page mapped after it left the cache. 'check serial' also compares the disk, after the
# tasks and sys_sync(), with what some serial order of the tasks leaves. In code, BUG_ON(c) and
# WARN_ON(c) make the verdict bug.
check       serial

# Everything after 'code:' is strategy-language C: the tasks' own functions. A strategy can
# override them, or the prelude's:  faultlines check ${file} --strategy mine.c
# To see a deadlock, call lock_page(pageA) twice in reader(); then try --trace thread.
code:
void reader(char __user *buf)
{
	lock_page(pageA);
	BUG_ON(!PageUptodate(pageA));
	copy_to_user(buf, pageA, 0, 2);
	unlock_page(pageA);
	reads = reads + 1;
}
`;
}

export function newCommand(argv: string[], io: Io = stdio): number {
  const p = parseCommandArgs('new', argv, NEW_OPTIONS);
  const [what, id, ...extra] = p.positionals;
  if (what !== 'scenario') throw new UsageError(what === undefined ? 'say what to make: faultlines new scenario NAME' : `cannot make '${what}': only 'scenario'`, 'new');
  if (!id) throw new UsageError('name the scenario: faultlines new scenario NAME', 'new');
  if (extra.length) throw new UsageError(`unexpected '${extra[0]}'`, 'new');
  if (!ID.test(id)) throw new UsageError(`'${id}' is not a scenario id: letters, digits, _ . - in parts separated by /`, 'new');
  const out = stringOption(p, 'out') ?? `${id.split('/').pop()}.scn`;
  const text = scenarioTemplate(id, out === '-' ? `${id.split('/').pop()}.scn` : out);
  if (out === '-') { io.out(text); return 0; }
  if (existsSync(out)) {
    io.err(`faultlines new: ${out} exists; nothing written (choose another name with --out)\n`);
    return 2;
  }
  writeFileSync(out, text, { flag: 'wx' });
  io.out(`wrote ${out}\ncheck it with: faultlines check ${out}\n`);
  return 0;
}
