import { describe, expect, it } from 'vitest';
import { compactTokens, highlightC } from './highlight';

describe('highlightC', () => {
  it('keeps the code text exactly, with classes instead of inline colours', async () => {
    const code = 'int f(struct page *p)\n{\n\t/* lock it */\n\treturn lock_page(p) + 42;\n}';
    const html = await highlightC(code);
    const text = html.replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(text).toBe(code);
    expect(html).not.toContain('--shiki-light:#CF222E');
    expect(html).toContain('<span class="hk">');
    expect(html).toMatch(/<span class="hc">\s*\/\* lock it \*\/<\/span>/);
    expect(html).not.toContain('class="line"');
  });

  it('merges neighbouring tokens of one class and keeps an unknown colour inline', () => {
    const a = '<span class="line"><span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72">struct</span><span style="--shiki-light:#CF222E;--shiki-dark:#FF7B72"> *</span><span style="--shiki-light:#123456;--shiki-dark:#654321">x</span></span>';
    expect(compactTokens(a)).toBe('<span class="hk">struct</span> *<span style="--shiki-light:#123456;--shiki-dark:#654321">x</span>');
  });
});
