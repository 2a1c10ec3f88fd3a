import type { Uploadable } from "@aoai/core";
import { invalid } from "@aoai/core/internal";

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const isPng = (head: Uint8Array): boolean => PNG.every((b, i) => head[i] === b);

/** The extension of a file name, lower case, or "" when it has none. */
const extension = (name: string): string => {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
};

/**
 * Refuses a mask that is surely not a PNG (the service reads its transparent pixels): bytes and
 * Blobs by their first bytes (and a Blob's type or name when given), a path by its extension. A
 * stream is not read ahead of sending; the service judges it.
 */
export async function checkMask(mask: Uploadable | null | undefined): Promise<void> {
  if (mask == null) return;
  let what: string | undefined;
  if (typeof mask === "string") {
    const ext = extension(mask);
    if (ext && ext !== "png") what = `a .${ext} file`;
  } else if (mask instanceof Uint8Array || mask instanceof ArrayBuffer) {
    if (!isPng(mask instanceof ArrayBuffer ? new Uint8Array(mask) : mask)) what = "bytes that are not a PNG";
  } else if (mask instanceof Blob) {
    const name = (mask as Partial<File>).name ?? "";
    const ext = extension(name);
    if (mask.type && mask.type !== "image/png") what = mask.type;
    else if (ext && ext !== "png") what = `a .${ext} file`;
    else if (!isPng(new Uint8Array(await mask.slice(0, 8).arrayBuffer()))) what = "a file that is not a PNG";
  }
  if (what) invalid("mask", `must be a PNG image (its transparent pixels mark where to edit), got ${what}.`);
}
