// Which heading the reader is in: the last one whose top has passed the reading line (just under the
// fixed header and the "On this page" bar), or the first when none has (the page's top).

/** `tops` are the headings' distances from the viewport's top, in document order. */
export function currentHeading(tops: readonly number[], line: number): number {
  // Headings are in document order, so their tops only grow: a binary search finds the last one at or above the line.
  let lo = 0;
  let hi = tops.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tops[mid]! <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
