// Test helper: parse a view's HTML string with happy-dom, in a plain Node test, so the render
// functions are checked without any DOM globals around them.
import { Window } from 'happy-dom';

export function parse(html: string): HTMLElement {
  const window = new Window();
  window.document.body.innerHTML = html;
  return window.document.body as unknown as HTMLElement;
}

export function texts(root: ParentNode, selector: string): string[] {
  return Array.from(root.querySelectorAll(selector)).map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}
