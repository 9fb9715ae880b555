// Shiki at build time: the static code block is coloured with the C grammar in both Starlight
// themes, and no highlighter ships to the browser. Shiki writes two inline colours on every
// token; a chapter holds hundreds of lines, so the known colour pairs become one-letter classes
// (cells.css), the default colour becomes plain text, and adjacent tokens of one class merge.
import { createHighlighter, type Highlighter } from 'shiki';

let highlighter: Promise<Highlighter> | undefined;

/** github-light-default / github-dark-default token colours → the classes cells.css colours. */
const CLASSES: Record<string, string> = {
  '#CF222E;#FF7B72': 'hk', // keywords, types, operators
  '#8250DF;#D2A8FF': 'hf', // function names
  '#6E7781;#8B949E': 'hc', // comments
  '#953800;#FFA657': 'hv', // definitions
  '#0550AE;#79C0FF': 'hn', // numbers, constants
  '#0A3069;#A5D6FF': 'hs', // strings
};
const PLAIN = '#1F2328;#E6EDF3';

/** Rewrite Shiki's token spans as classes (an unknown pair keeps its inline colours). */
export function compactTokens(html: string): string {
  const tokens = /<span style="--shiki-light:(#[0-9A-Fa-f]+);--shiki-dark:(#[0-9A-Fa-f]+)">([^<]*)<\/span>/g;
  let out = html.replace(tokens, (whole, light: string, dark: string, text: string) => {
    const pair = `${light.toUpperCase()};${dark.toUpperCase()}`;
    if (pair === PLAIN) return text;
    const cls = CLASSES[pair];
    // operators and punctuation share the keyword colour; left plain they read as well and cost
    // a third of a chapter's spans
    if (cls === 'hk' && !/[A-Za-z]/.test(text)) return text;
    return cls ? `<span class="${cls}">${text}</span>` : whole;
  });
  // merge a token into the one before it when both have the same class
  out = out.replace(/<\/span><span class="(h[a-z])">/g, (m, cls: string, offset: number, all: string) => {
    const open = all.lastIndexOf('<span class="', offset);
    return all.startsWith(`<span class="${cls}">`, open) ? '' : m;
  });
  // the line wrappers: the <pre> keeps its newlines, so they only cost bytes and elements
  return out.replace(/<span class="line">((?:[^<]|<span class="h[a-z]">[^<]*<\/span>|<span style="[^"]*">[^<]*<\/span>)*)<\/span>/g, '$1');
}

export async function highlightC(code: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: ['github-light-default', 'github-dark-default'], langs: ['c'] });
  const h = await highlighter;
  const html = h.codeToHtml(code, {
    lang: 'c',
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: false,
  });
  return compactTokens(html);
}
