import { liftStrings } from "@aoai/core/internal";
import { describe, expect, it } from "vitest";
import { placeImages } from "./place-images.js";

const place = (text: string) => {
  const lifted = liftStrings(text, "b64_json");
  return lifted && placeImages(lifted.value, lifted.strings);
};

describe("placeImages", () => {
  it("gives each image its b64_json, equal to what JSON.parse gives", () => {
    const text = `{"created":1,"data":[{"b64_json":"iVBORw0K","revised_prompt":"a"},{"b64_json":"iVBORw0L"}]}`;
    expect(place(text)).toEqual(JSON.parse(text));
  });

  it("declines a b64_json that is not an image's, so the text is parsed whole", () => {
    expect(place(`{"data":[{"b64_json":"QQ=="}],"extra":{"b64_json":"Qg=="}}`)).toBeUndefined();
    expect(place(`{"data":{"b64_json":"QQ=="}}`)).toBeUndefined();
  });
});
