// Browsers: the default client is fetch, which has no timeout of its own (see buffered-attempt.ts).
export const bufferedAttempt = undefined;
