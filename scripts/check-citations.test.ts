import { describe, expect, it } from 'vitest';
import { citationProblems } from './check-citations';

describe('citationProblems', () => {
  it('fails a commit id first named without a link, and names the line', () => {
    const text = 'Intro.\n\nThe fix, commit `d00806b18315`, landed in 2.6.23.\n';
    expect(citationProblems('p.mdx', text)).toEqual([
      'p.mdx:3: commit d00806b18315 is first named without a link to it: write [d00806b18315](https://git.kernel.org/linus/d00806b18315) (or a mirror that has it)',
    ]);
  });

  it('passes when the first mention links to the commit, whatever follows', () => {
    const text = 'Commit [`d00806b18315`](https://git.kernel.org/linus/d00806b183152af6d24f46f0c33f14162ca1262a).\nLater, d00806b18315 again.\n';
    expect(citationProblems('p.mdx', text)).toEqual([]);
  });

  it('fails a link whose address is not that commit', () => {
    const text = 'See [eddb1c228f79](https://lwn.net/Articles/807108/).\n';
    expect(citationProblems('p.mdx', text)).toHaveLength(1);
  });

  it('fails when only a later mention is linked', () => {
    const text = 'First 3faa52c03f44 bare.\n\nThen [3faa52c03f44](https://git.kernel.org/linus/3faa52c03f44).\n';
    expect(citationProblems('p.mdx', text)).toEqual([
      'p.mdx:1: commit 3faa52c03f44 is first named without a link to it: write [3faa52c03f44](https://git.kernel.org/linus/3faa52c03f44) (or a mirror that has it)',
    ]);
  });

  it('ignores addresses, Message-IDs, comments, all-digit numbers and words', () => {
    const text = [
      'Mirror: [the text](https://example.org/f1702384056abcdef.txt).',
      'Message `<20061007105833.14024.33775.sendpatchset@linux.site>` and <alpine.LSU.2.11.1405301956570.1037@eggly.anvils>.',
      '{/* commit 05f65b5c7090 in a comment */}',
      'A timestamp 20190116015610 and the word deadbeefcafe are not commits; https://example.org/a6e79df92e4a neither.',
    ].join('\n');
    expect(citationProblems('p.mdx', text)).toEqual([]);
  });
});
