/** Small list helpers for pages. */

/**
 * Up to `count` items that follow `list[index]`, wrapping round to the start,
 * never the item itself. Pages use it to show "a few more" at a fixed size
 * whatever the length of the list.
 */
export function following<T>(list: readonly T[], index: number, count: number): T[] {
  if (index < 0 || index >= list.length) throw new RangeError(`following: index ${index} is outside a list of ${list.length}`);
  const n = Math.max(0, Math.min(count, list.length - 1));
  return Array.from({ length: n }, (_, i) => list[(index + 1 + i) % list.length]!);
}
