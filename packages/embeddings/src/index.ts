export { cosineSimilarity } from "./cosine-similarity.js";
export type { EmbeddingRequest } from "./deprecated.js";
export { embedMany } from "./embed-many.js";
export { EmbeddingBatchError } from "./embedding-batch-error.js";
export { EmbeddingClient } from "./embedding-client.js";
export { base64ToFloat32, bytesToFloat32 } from "./float32.js";
export type {
  Embedding,
  EmbeddingCreateRequest,
  EmbeddingInput,
  EmbeddingResponse,
  EmbeddingType,
  EmbeddingUsage,
  EmbeddingVector,
  EmbedManyOptions,
  EmbedManyRequest,
  EmbedManyResult,
  EmbedOptions,
} from "./types.js";
export { VERSION } from "./version.js";
