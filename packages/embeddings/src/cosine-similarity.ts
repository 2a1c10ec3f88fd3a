/**
 * The cosine of the angle between two vectors of the same length: 1 for the same direction, 0 for
 * orthogonal (or when either is all zeros). Azure's embeddings are unit length, so this equals
 * their dot product.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`cosineSimilarity: lengths differ (${a.length} and ${b.length}).`);
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa === 0 || bb === 0 ? 0 : dot / Math.sqrt(aa * bb);
}
