// Shiki at build time: the static code block is coloured with the C grammar in both Starlight
// themes, and no highlighter ships to the browser. Shiki writes two inline colours on every
// token; a chapter holds hundreds of lines, so each known colour pair becomes a three-letter
// element (`<f-k>` keywords, `<f-c>` comments…, coloured by cells.css), the default colour becomes
// plain text, and adjacent tokens of one kind merge.
import { createHighlighter, type Highlighter } from 'shiki';

let highlighter: Promise<Highlighter> | undefined;

/**
 * github-light-default / github-dark-default token colours → the elements cells.css colours.
 * Undefined custom elements are plain inline elements: no meaning, no behaviour, 11 bytes a token.
 */
const KINDS: Record<string, string> = {
  '#CF222E;#FF7B72': 'f-k', // keywords, types, operators
  '#8250DF;#D2A8FF': 'f-f', // function names
  '#6E7781;#8B949E': 'f-c', // comments
  '#953800;#FFA657': 'f-v', // definitions
  '#0550AE;#79C0FF': 'f-n', // numbers, constants
  '#0A3069;#A5D6FF': 'f-s', // strings
};
const PLAIN = '#1F2328;#E6EDF3';

/** Rewrite Shiki's token spans as short elements (an unknown pair keeps its inline colours). */
export function compactTokens(html: string): string {
  const tokens = /<span style="--shiki-light:(#[0-9A-Fa-f]+);--shiki-dark:(#[0-9A-Fa-f]+)">([^<]*)<\/span>/g;
  let out = html.replace(tokens, (whole, light: string, dark: string, text: string) => {
    const pair = `${light.toUpperCase()};${dark.toUpperCase()}`;
    if (pair === PLAIN) return text;
    const kind = KINDS[pair];
    // operators and punctuation share the keyword colour; left plain they read as well and cost
    // a third of a chapter's tokens
    if (kind === 'f-k' && !/[A-Za-z]/.test(text)) return text;
    return kind ? `<${kind}>${text}</${kind}>` : whole;
  });
  // merge a token into the one before it when both are of one kind
  out = out.replace(/<\/(f-[a-z])><\1>/g, '');
  // the line wrappers: the <pre> keeps its newlines, so they only cost bytes and elements
  return out.replace(/<span class="line">((?:[^<]|<(f-[a-z])>[^<]*<\/\2>|<span style="[^"]*">[^<]*<\/span>)*)<\/span>/g, '$1');
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
