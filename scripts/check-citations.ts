// Every commit id on a page carries its source: the first time a page names a kernel commit (12 to
// 40 hex digits, at least one of them a letter), that mention is a Markdown link whose address
// contains the id, so a reader can open the commit where they first meet it. Later mentions on the
// same page lean on that link. Ids inside addresses, Message-IDs (<...@...>) and MDX comments are
// not mentions.

const COMMIT = /\b[0-9a-f]{12,40}\b/g;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The text with every span that is not prose for this check (comments, addresses, Message-IDs) blanked, offsets kept. */
function proseOnly(text: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return text
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/\]\([^)\s]*\)/g, (m) => `]${blank(m.slice(1))}`)
    .replace(/<[^<>\s]*@[^<>\s]*>/g, blank)
    .replace(/https?:\/\/[^\s)>\]]*/g, blank);
}

/** The Markdown links of the text: where each label starts and ends, and its address. */
function links(text: string): { start: number; end: number; url: string }[] {
  const out: { start: number; end: number; url: string }[] = [];
  for (const m of text.matchAll(/\[([^\]\n]*)\]\(([^)\s]+)\)/g)) {
    out.push({ start: m.index, end: m.index + 1 + m[1].length, url: m[2] });
  }
  return out;
}

export function citationProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const prose = proseOnly(text);
  const all = links(text);
  const seen = new Set<string>();
  for (const m of prose.matchAll(COMMIT)) {
    const id = m[0];
    if (!/[a-f]/.test(id) || !/[0-9]/.test(id)) continue;
    const key = id.slice(0, 12);
    if (seen.has(key)) continue;
    seen.add(key);
    const link = all.find((l) => l.start < m.index && m.index < l.end);
    // the first mention of a commit must be the label of a link to that commit
    if (!link || !link.url.includes(key)) {
      problems.push(`${file}:${lineOf(text, m.index)}: commit ${id} is first named without a link to it: write [${id}](https://git.kernel.org/linus/${id}) (or a mirror that has it)`);
    }
  }
  return problems;
}
