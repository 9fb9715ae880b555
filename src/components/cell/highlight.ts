// Shiki at build time: the static code block is coloured with the C grammar in both Starlight
// themes (CSS variables pick one), and no highlighter ships to the browser.
import { createHighlighter, type Highlighter } from 'shiki';

let highlighter: Promise<Highlighter> | undefined;

export async function highlightC(code: string): Promise<string> {
  highlighter ??= createHighlighter({ themes: ['github-light-default', 'github-dark-default'], langs: ['c'] });
  const h = await highlighter;
  return h.codeToHtml(code, {
    lang: 'c',
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: false,
  });
}
