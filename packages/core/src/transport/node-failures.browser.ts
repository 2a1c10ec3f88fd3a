// Browsers: no Node codes arrive (see node-failures.ts), so bundles carry none of them.
export const NOT_SENT: ReadonlySet<string> = new Set();
export const isNodeDrop = (_code: string | undefined, _message: string | undefined): boolean => false;
