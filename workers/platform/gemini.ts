/**
 * The one way the platform builds a Gemini client (@google/genai): one attempt within a caller's time budget,
 * because every use is an optional second opinion or narrative with a fallback, never worth a retry's delay.
 */
import { GoogleGenAI, type HttpOptions } from "@google/genai";

/** The current Flash model as the SDK's own documentation names it; GEMINI_MODEL overrides it. */
export const DEFAULT_GEMINI_MODEL = "gemini-3.8-flash";

export interface GeminiClientOptions {
  apiKey: string;
  timeoutMs: number;
  /** where the Gemini API is (tests point it at a recorded-response endpoint) */
  http?: Pick<HttpOptions, "baseUrl" | "fetch"> | undefined;
}

export function geminiClient(options: GeminiClientOptions): GoogleGenAI {
  return new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: { ...options.http, timeout: options.timeoutMs, retryOptions: { attempts: 1 } },
  });
}
