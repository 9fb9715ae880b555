// The little markup exercise text may carry (goal, hints, bet): `code` and *emphasis*, nothing
// else, escaped first so a hint can never inject HTML. Shared by the build and the browser.
import { esc } from '../views/escape';

export function inlineMarkup(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${esc(part.slice(1, -1))}</code>`
        : esc(part).replace(/\*([^*\s][^*]*?)\*/g, '<em>$1</em>'),
    )
    .join('');
}
