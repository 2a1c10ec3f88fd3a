/** True when this host stores numbers little-endian (every mainstream CPU); checked once. */
export const LITTLE_ENDIAN_HOST: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
