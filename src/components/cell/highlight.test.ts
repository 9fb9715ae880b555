import { describe, expect, it } from 'vitest';
import { compactTokens, highlightC } from './highlight';

describe('highlightC', () => {
  it('keeps the code text exactly, with classes instead of inline colours', async () => {
    const code = 'int f(struct page *p)\n{\n\t/* lock it */\n\treturn lock_page(p) + 42;\n}';
    const html = await highlightC(code);
    const text = html.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(text).toBe(code);
    expect(html).not.toContain('--shiki-light:#CF222E');
    expect(html).toContain('<f-k>struct</f-k>');
    expect(html).toMatch(/<f-c>\s*\/\* lock it \*\/<\/f-c>/);
    expect(html).not.toContain('class="line"');
  });

  it('merges neighbouring tokens of one kind, leaves operators plain and keeps an unknown colour inline', () => {
    const k = (t: string) => `<span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">${t}</span>`;
    const a = `<span class="line">${k('unsigned')}${k(' long')}${k(' *')}<span style="--shiki-light:#123456;--shiki-dark:#654321">x</span></span>`;
    expect(compactTokens(a)).toBe('<f-k>unsigned long</f-k> *<span style="--shiki-light:#123456;--shiki-dark:#654321">x</span>');
  });
});
