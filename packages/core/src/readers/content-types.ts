import { InvalidResponseError } from "../errors/invalid-response-error.js";
import type { Reader, SentResponse } from "../send.js";

/**
 * The content types an operation's answer may have: `type/subtype`, a family
 * (`audio/` then a star), or a star over a star for any.
 * A web page (`text/html`, `application/xhtml+xml`) matches only when named exactly: it is what a
 * proxy, a captive portal or a sign-in wall puts where a file should be.
 */
export type ContentTypes = readonly string[];

/** Any type but a web page: the default of the binary and text readers. */
export const ANY_BUT_PAGE: ContentTypes = ["*/*"];

const PAGES: ReadonlySet<string> = new Set(["text/html", "application/xhtml+xml"]);

/** Whether `header` (a `content-type` value, parameters and all) is one of `accepted`. */
export function isAccepted(header: string, accepted: ContentTypes): boolean {
  const type = header.split(";")[0]!.trim().toLowerCase();
  if (accepted.includes(type)) return true;
  if (PAGES.has(type)) return false;
  return accepted.some((p) => p === "*/*" || (p.endsWith("/*") && type.startsWith(p.slice(0, -1))));
}

/**
 * Throws `InvalidResponseError` naming the content type when a success answer's body is not one
 * of `accepted`, and releases its connection. A body without a content type passes: nothing says
 * it is wrong.
 */
export function checkContentType(sent: SentResponse, accepted: ContentTypes): void {
  const header = sent.raw.headers.get("content-type");
  if (header === undefined || isAccepted(header, accepted)) return;
  // A streamed body would hold its connection until read: stop it.
  sent.controller?.abort();
  sent.release?.();
  const { info } = sent;
  throw new InvalidResponseError(
    `The response body came back as ${header}, not ${accepted.join(" or ")} (a proxy's or a sign-in page?).`,
    sent.raw.bodyAsText ?? "",
    info.requestId,
    info.retryCount,
  );
}

/** `reader`, refusing a body whose content type is not one of `accepted`. */
export function accepting<T>(reader: Reader<T>, accepted: ContentTypes): Reader<T> {
  return {
    accept: reader.accept,
    streams: reader.streams,
    read(sent) {
      checkContentType(sent, accepted);
      return reader.read(sent);
    },
  };
}
