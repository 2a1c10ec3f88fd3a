/**
 * An in-memory chunk source, as core's `EventStream` is one: yields `list`'s objects themselves
 * and records whether it was aborted and how many chunks were read.
 */
export function memorySource<C>(list: readonly C[]) {
  const state = { aborted: false, read: 0 };
  const src = {
    async *[Symbol.asyncIterator]() {
      for (const chunk of list) {
        if (state.aborted) return;
        state.read++;
        yield chunk;
      }
    },
    abort() {
      state.aborted = true;
    },
  };
  return { state, src };
}
