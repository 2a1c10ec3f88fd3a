export type {
  AutoChunkingStrategy,
  ChunkingStrategy,
  ComparisonFilter,
  CompoundFilter,
  FileBatchCreateRequest,
  ListQuery,
  Metadata,
  SearchFilter,
  StaticChunkingStrategy,
  VectorStoreCreateRequest,
  VectorStoreExpiresAfter,
  VectorStoreFileAttributes,
  VectorStoreFileCreateRequest,
  VectorStoreFileListQuery,
  VectorStoreFileStatus,
  VectorStoreFileUpdateRequest,
  VectorStoreSearchRequest,
  VectorStoreUpdateRequest,
} from "./request-types.js";
export type {
  FileCounts,
  VectorStore,
  VectorStoreDeleted,
  VectorStoreFile,
  VectorStoreFileBatch,
  VectorStoreFileContent,
  VectorStoreFileDeleted,
  VectorStoreFileError,
  VectorStoreSearchResult,
  VectorStoreSearchResults,
} from "./response-types.js";
export {
  type IndexFailure,
  type IndexResult,
  type UploadAndIndexOptions,
  type UploadAndIndexRequest,
  uploadAndIndex,
} from "./upload-and-index.js";
export { type FileBatchWaitOptions, VectorStoreClient } from "./vector-store-client.js";
export { VectorStoreSearchClient } from "./vector-store-search-client.js";
export { VERSION } from "./version.js";
