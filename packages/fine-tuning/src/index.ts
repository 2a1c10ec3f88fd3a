export { FineTuningClient, type FineTuningWaitOptions } from "./fine-tuning-client.js";
export { FineTuningJobFailedError } from "./fine-tuning-job-failed-error.js";
export type {
  FineTuningHyperparameters,
  FineTuningJobCreateRequest,
  FineTuningListQuery,
  FineTuningMethod,
} from "./request-types.js";
export type {
  FineTuningJob,
  FineTuningJobCheckpoint,
  FineTuningJobError,
  FineTuningJobEvent,
  FineTuningJobStatus,
} from "./response-types.js";
export { VERSION } from "./version.js";
