// "Try it here": an exercise's card in a chapter becomes the whole exercise, taken from the
// exercise's own page (the same build, so the same starter, hints and grading data), keeping the
// card's header with its link to that page.

/** Fetch the exercise's page and put its exercise where the card was; resolves to the new section. */
export async function openHere(card: HTMLElement): Promise<HTMLElement> {
  const id = card.dataset.exercise!;
  const link = card.querySelector<HTMLAnchorElement>('a.fl-ex-title');
  if (!link) throw new Error(`the card of "${id}" has no link to its page`);
  const response = await fetch(link.href);
  if (!response.ok) throw new Error(`${link.pathname} answered ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const whole = page.querySelector<HTMLElement>(`section[data-exercise="${CSS.escape(id)}"]`);
  if (!whole) throw new Error(`${link.pathname} has no exercise "${id}"`);
  const section = document.importNode(whole, true);
  section.dataset.standalone = 'false';
  const head = card.querySelector('.fl-ex-head');
  if (head) section.querySelector('.fl-ex-head')?.replaceWith(head);
  card.replaceWith(section);
  return section;
}
