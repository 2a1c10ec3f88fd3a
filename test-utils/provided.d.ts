// Values test-utils/global-setup.ts hands to every test through `inject(...)`.
declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the shared emulator, e.g. http://127.0.0.1:49152 (use it as the Azure endpoint). */
    emulatorUrl: string;
    /** An api key the shared emulator accepts. */
    emulatorApiKey: string;
    /** Prism validating proxy for the GA spec 2024-10-21 in front of the emulator (may still be starting: `waitForPrism`). */
    prismGaUrl: string;
    /** Prism validating proxy for the preview spec 2025-04-01-preview in front of the emulator (may still be starting: `waitForPrism`). */
    prismPreviewUrl: string;
  }
}

export {};
