// <mobile-starlight-toc>: marks the heading the reader is in, shows it in the bar, and closes the
// dropdown on a link, a click elsewhere or Escape. It measures only the headings its links point
// to, and only when the page has just been laid out anyway: when the IntersectionObserver reports a
// heading entering or leaving the view, and when a scroll ends (a jump can cross a section whose
// heading is never on screen).
import { currentHeading } from './current-heading';

class OnThisPage extends HTMLElement {
  #links: HTMLAnchorElement[] = [];
  #headings: HTMLElement[] = [];
  #current: HTMLAnchorElement | null = null;

  connectedCallback(): void {
    const details = this.querySelector('details');
    if (!details) return;
    const close = () => {
      details.open = false;
    };
    for (const a of details.querySelectorAll('a')) a.addEventListener('click', close);
    window.addEventListener('click', (e) => {
      if (!details.contains(e.target as Node)) close();
    });
    window.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !details.open) return;
      const hadFocus = details.contains(document.activeElement);
      close();
      if (hadFocus) details.querySelector('summary')?.focus();
    });
    // Each link with the heading it names ("Overview" names the page title, #_top).
    const headings = this.#headings;
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (!heading) continue;
      this.#links.push(a);
      headings.push(heading);
    }
    if (headings.length === 0) return;
    const io = new IntersectionObserver(() => this.#mark());
    for (const h of headings) io.observe(h);
    window.addEventListener('scrollend', () => this.#mark(), { passive: true });
  }

  #mark(): void {
    // The reading line sits just under the fixed header and this bar.
    const line = (document.querySelector('header')?.getBoundingClientRect().height ?? 0) + (this.querySelector('summary')?.getBoundingClientRect().height ?? 0) + 32;
    const link = this.#links[currentHeading(this.#headings.map((h) => h.getBoundingClientRect().top), line)]!;
    if (link === this.#current) return;
    this.#current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.#current = link;
    const shown = this.querySelector('[data-fl-toc-current]');
    if (shown) shown.textContent = link.textContent;
  }
}

customElements.define('mobile-starlight-toc', OnThisPage);
