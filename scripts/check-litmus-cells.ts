// Content check for litmus cells: every `<LitmusCell chapter="…" name="…" expect="…" />` in a
// chapter is decided as the build decides it, under its `model` (lkmm unless given), and its verdict
// compared with `expect`. check-content.ts runs this beside the strategy cells and the exercises.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decide, isLitmusModel } from '../src/components/litmus/index';

const root = new URL('..', import.meta.url).pathname;

export function checkLitmusCells(files: string[]): { count: number; failures: string[] } {
  const failures: string[] = [];
  let count = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<LitmusCell\b([^]*?)\/>/g)) {
      count++;
      const line = text.slice(0, m.index).split('\n').length;
      const attrs = Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
      const where = `${relative(root, file)}:${line} litmus cell "${attrs.name ?? '?'}"`;
      const model = attrs.model ?? 'lkmm';
      const path = join(root, 'src/content/cells', attrs.chapter ?? '', `${attrs.name ?? ''}.litmus`);
      if (!attrs.chapter || !attrs.name || !attrs.title) { failures.push(`${where}: needs chapter, name and title`); continue; }
      if (!isLitmusModel(model)) { failures.push(`${where}: no memory model '${model}'`); continue; }
      if (!existsSync(path)) { failures.push(`${where}: no file ${relative(root, path)}`); continue; }
      const a = decide(readFileSync(path, 'utf8'), model);
      if (!a.ok) failures.push(`${where}: not decided under ${model}: ${a.message}`);
      else if (attrs.expect && a.result !== attrs.expect) failures.push(`${where}: expected ${attrs.expect} under ${model}, the checker says ${a.result}`);
      else console.log(`ok  ${relative(root, file)}:${line} ${attrs.name} → ${a.result} under ${model}`);
    }
  }
  return { count, failures };
}
