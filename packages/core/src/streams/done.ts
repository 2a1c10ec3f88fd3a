/** The end of an iteration, one shared object: the iterators here end often and allocate nothing for it. */
export const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };
