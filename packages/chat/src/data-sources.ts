// Azure On Your Data (`data_sources`): the request side. Field names follow the wire.

/** How the service authenticates to your data source. */
export type OnYourDataAuthentication =
  | { type: "api_key"; key: string }
  | { type: "system_assigned_managed_identity" }
  | { type: "user_assigned_managed_identity"; managed_identity_resource_id: string }
  | { type: "access_token"; access_token: string }
  | { type: "connection_string"; connection_string: string }
  | { type: "key_and_key_id"; key: string; key_id: string }
  | { type: "encoded_api_key"; encoded_api_key: string }
  | { type: "username_and_password"; username: string; password: string };

/** How queries are turned into vectors for vector search. */
export type OnYourDataVectorization =
  | { type: "deployment_name"; deployment_name: string; dimensions?: number }
  | {
      type: "endpoint";
      endpoint: string;
      authentication: Extract<OnYourDataAuthentication, { type: "api_key" | "access_token" }>;
      dimensions?: number;
    }
  | { type: "integrated" }
  | { type: "model_id"; model_id: string };

/** Which fields of your index hold what. */
export interface OnYourDataFieldsMapping {
  title_field?: string;
  url_field?: string;
  filepath_field?: string;
  content_fields?: string[];
  content_fields_separator?: string;
  vector_fields?: string[];
  image_vector_fields?: string[];
}

/** Settings every data source shares. */
export interface OnYourDataCommonParameters {
  /** Documents to retrieve. @default 5 */
  top_n_documents?: number;
  max_search_queries?: number;
  allow_partial_result?: boolean;
  /** Answer only from your data. @default true */
  in_scope?: boolean;
  /** 1 (lenient) to 5 (strict). @default 3 */
  strictness?: number;
  /** @default ["citations", "intent"] */
  include_contexts?: Array<"citations" | "intent" | "all_retrieved_documents">;
  fields_mapping?: OnYourDataFieldsMapping;
  embedding_dependency?: OnYourDataVectorization;
}

/** Azure AI Search. */
export interface AzureSearchDataSource {
  type: "azure_search";
  parameters: OnYourDataCommonParameters & {
    endpoint: string;
    index_name: string;
    authentication: OnYourDataAuthentication;
    /** @default "simple" */
    query_type?: "simple" | "semantic" | "vector" | "vector_simple_hybrid" | "vector_semantic_hybrid";
    semantic_configuration?: string;
    filter?: string;
    /** Instructions for the model (at most 100 tokens); in the 2024-10-21 spec, later replaced by a system message. */
    role_information?: string;
  };
}

/** Azure Cosmos DB for MongoDB vCore. */
export interface AzureCosmosDBDataSource {
  type: "azure_cosmos_db";
  parameters: OnYourDataCommonParameters & {
    authentication: OnYourDataAuthentication;
    database_name: string;
    container_name: string;
    index_name: string;
    /** Instructions for the model (at most 100 tokens); in the 2024-10-21 spec, later replaced by a system message. */
    role_information?: string;
  };
}

/**
 * An Azure Machine Learning index (a prompt-flow vector index): Azure's REST examples and the
 * API versions of 2024 have it; later specs leave it out, so it is sent as given, never refused.
 */
export interface AzureMLIndexDataSource {
  type: "azure_ml_index";
  parameters: OnYourDataCommonParameters & {
    /** The Azure ML project's resource id. */
    project_resource_id: string;
    /** The index's name. */
    name: string;
    /** The index's version. */
    version: string;
    filter?: string;
    authentication: OnYourDataAuthentication;
    role_information?: string;
  };
}

/** Elasticsearch (preview API versions and v1). */
export interface ElasticsearchDataSource {
  type: "elasticsearch";
  parameters: OnYourDataCommonParameters & {
    endpoint: string;
    index_name: string;
    authentication: OnYourDataAuthentication;
    query_type?: "simple" | "vector";
  };
}

/** Pinecone (preview API versions and v1). */
export interface PineconeDataSource {
  type: "pinecone";
  parameters: OnYourDataCommonParameters & {
    environment: string;
    index_name: string;
    authentication: OnYourDataAuthentication;
  };
}

/** MongoDB Atlas (preview API versions and v1). */
export interface MongoDBDataSource {
  type: "mongo_db";
  parameters: OnYourDataCommonParameters & {
    endpoint: string;
    database_name: string;
    collection_name: string;
    app_name: string;
    index_name: string;
    authentication: OnYourDataAuthentication;
  };
}

/** One entry of `data_sources`. */
export type ChatDataSource =
  | AzureSearchDataSource
  | AzureCosmosDBDataSource
  | AzureMLIndexDataSource
  | ElasticsearchDataSource
  | PineconeDataSource
  | MongoDBDataSource;
