// The exercises' code files and the chapter cells they reference, as text, for the build
// (Vite's import.meta.glob: no fs paths to get wrong once the site is bundled). The Node loader
// (src/engine/grade/node-loader.ts) reads the same files from disk for the CLI and the checks.
const exerciseFiles = import.meta.glob('../../content/exercises/**/*.{c,scn}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const cellFiles = import.meta.glob('../../content/cells/**/*.c', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** A file's text by its path under src/content/ (`exercises/<id>/starter.c`), or null. */
export function readContent(path: string): string | null {
  const key = `../../content/${path}`;
  return exerciseFiles[key] ?? cellFiles[key] ?? null;
}
