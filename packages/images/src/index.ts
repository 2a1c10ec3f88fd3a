export type { ImageBytesOptions } from "./download.js";
export { editImage } from "./edit-image.js";
export { imageBytes } from "./image-bytes.js";
export { ImageClient } from "./image-client.js";
export type {
  ImageBackground,
  ImageEditRequest,
  ImageGenerateRequest,
  ImageOutputFormat,
  ImageQuality,
  ImageRequestBase,
  ImageResponseFormat,
  ImageSize,
  ImageStyle,
} from "./request-types.js";
export type {
  GeneratedImage,
  ImageContentFilterResults,
  ImagePromptFilterResults,
  ImagesResponse,
  ImageUsage,
} from "./response-types.js";
export { type SavedImage, saveImage } from "./save-image.js";
export { VERSION } from "./version.js";
