// Every text colour views.css sets on a background it sets, resolved through Starlight's own
// custom properties (the installed package's props.css) in the dark and the light theme, must
// reach WCAG AA for small text (4.5:1): the cells are checked by axe-core in the browser, and
// this finds a bad pair without one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// the package exports no props.css subpath, so read it where npm installed it
const props = readFileSync(join(process.cwd(), 'node_modules/@astrojs/starlight/dist/style/props.css'), 'utf8');
const views = readFileSync(new URL('./views.css', import.meta.url), 'utf8');

function declarations(block: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out.set(m[1], m[2].trim());
  return out;
}

/** The dark theme is `:root`; the light theme overrides it under [data-theme='light']. */
function themes(): Record<'dark' | 'light', Map<string, string>> {
  const lightAt = props.indexOf(":root[data-theme='light']");
  const dark = declarations(props.slice(0, lightAt));
  const light = new Map([...dark, ...declarations(props.slice(lightAt))]);
  return { dark, light };
}

function resolve(value: string, vars: Map<string, string>, depth = 0): string {
  if (depth > 10) throw new Error(`var() loop in ${value}`);
  const next = value.replace(/var\((--[\w-]+)(?:,[^)]*)?\)/g, (_, name) => {
    const v = vars.get(name);
    if (v === undefined) throw new Error(`undefined ${name}`);
    return v;
  });
  return next === value ? value : resolve(next, vars, depth + 1);
}

function hslToRgb(css: string): [number, number, number] {
  const m = css.match(/hsla?\(\s*([\d.]+)\s*,\s*([\d.]+)%\s*,\s*([\d.]+)%/);
  if (!m) throw new Error(`not an hsl colour: ${css}`);
  const [h, s, l] = [Number(m[1]), Number(m[2]) / 100, Number(m[3]) / 100];
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0), f(8), f(4)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function ratio(fg: string, bg: string): number {
  const [a, b] = [luminance(hslToRgb(fg)), luminance(hslToRgb(bg))].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** (selector, text colour, background) for each rule of views.css that sets both. */
function pairs(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const m of views.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    const body = m[2];
    const fg = body.match(/--fl-fg:\s*([^;]+);/)?.[1] ?? body.match(/(?:^|[;\s])color:\s*(var\(--sl[^;]+);/)?.[1];
    const bg = body.match(/--fl-bg:\s*([^;]+);/)?.[1] ?? body.match(/background:\s*(var\(--sl[^;]+);/)?.[1];
    if (fg && bg) out.push([m[1].trim().replace(/\s+/g, ' '), fg, bg]);
  }
  return out;
}

describe('views.css colour contrast', () => {
  const found = pairs();

  it('finds the colour pairs it checks', () => {
    expect(found.length).toBeGreaterThan(12);
  });

  for (const [theme, vars] of Object.entries(themes())) {
    it(`keeps every pair at 4.5:1 or more in the ${theme} theme`, () => {
      const weak = found
        .map(([sel, fg, bg]) => ({ sel, r: ratio(resolve(fg, vars), resolve(bg, vars)) }))
        .filter((p) => p.r < 4.5)
        .map((p) => `${p.sel}: ${p.r.toFixed(2)}`);
      expect(weak).toEqual([]);
    });

    it(`keeps the views' plain text readable on the page and on a card in the ${theme} theme`, () => {
      for (const bg of ['var(--sl-color-bg)', 'var(--sl-color-gray-6)']) {
        expect(ratio(resolve('var(--sl-color-gray-2)', vars), resolve(bg, vars))).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
