// Cell code lives in plain files, src/content/cells/<chapter>/<cell-id>.c (the cell convention):
// chapters and the content check read the same text, and a diff of a cell is a diff of C.
const files = import.meta.glob('../../content/cells/**/*.c', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const prefix = '../../content/cells/';

export function cellPath(chapter: string, id: string): string {
  return `src/content/cells/${chapter}/${id}.c`;
}

export function cellCode(chapter: string, id: string): string {
  const code = files[`${prefix}${chapter}/${id}.c`];
  if (code === undefined) {
    throw new Error(`Cell "${id}" of chapter "${chapter}": no file ${cellPath(chapter, id)}`);
  }
  return code;
}
