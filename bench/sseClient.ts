import http from "node:http";
import https from "node:https";
import { performance } from "node:perf_hooks";
import { SseDataSplitter } from "./sseParser";

/** One attempt at a streaming completion, with client-clock timings (performance.now() milliseconds). */
export interface AttemptResult {
  /** null when no HTTP response arrived (connection error or timeout before headers). */
  status: number | null;
  /** HTTP 200 and the stream ended with `data: [DONE]` and no error event. */
  completed: boolean;
  /** Why the attempt did not complete; null when it did. */
  error: string | null;
  /** Start of a non-200 response body, kept so retries can tell "model does not exist" from other 404s. */
  errorBody: string;
  /** The `model` field of the first streamed chunk. */
  responseModel: string | null;
  startedAtMs: number;
  firstTokenAtMs: number | null;
  lastTokenAtMs: number | null;
  endedAtMs: number;
  /** Chunks that carried non-empty text. */
  contentChunks: number;
  /** `usage.completion_tokens` of the final usage chunk, when the server sent one. */
  usageCompletionTokens: number | null;
}

export interface StreamRequest {
  endpoint: URL;
  body: string;
  agent: http.Agent;
  timeoutMs: number;
}

interface StreamChunk {
  model?: unknown;
  choices?: Array<{ text?: string | null; delta?: { content?: string | null } }>;
  usage?: { completion_tokens?: unknown } | null;
  error?: { message?: string };
}

const ERROR_BODY_LIMIT = 4096;

/** Keep-alive agent sized so that `maxSockets` requests can be in flight without queueing in the client. */
export function createAgent(endpoint: URL, maxSockets: number): http.Agent {
  const options = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets };
  return endpoint.protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
}

function chunkHasText(chunk: StreamChunk): boolean {
  if (!Array.isArray(chunk.choices)) return false;
  return chunk.choices.some((choice) => Boolean(choice.text) || Boolean(choice.delta?.content));
}

export function sendStreamingRequest(request: StreamRequest): Promise<AttemptResult> {
  return new Promise((resolve) => {
    const result: AttemptResult = {
      status: null,
      completed: false,
      error: null,
      errorBody: "",
      responseModel: null,
      startedAtMs: performance.now(),
      firstTokenAtMs: null,
      lastTokenAtMs: null,
      endedAtMs: 0,
      contentChunks: 0,
      usageCompletionTokens: null,
    };
    let settled = false;
    let timedOut = false;
    const finish = (error: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      result.endedAtMs = performance.now();
      result.error = error;
      result.completed = error === null;
      resolve(result);
    };

    let sawDone = false;
    let streamError: string | null = null;
    // Every event in one network read shares that read's arrival time.
    let arrivedAtMs = 0;
    const splitter = new SseDataSplitter((data) => {
      if (data === "[DONE]") {
        sawDone = true;
        return;
      }
      let chunk: StreamChunk;
      try {
        chunk = JSON.parse(data) as StreamChunk;
      } catch {
        streamError ??= "stream carried an event that is not JSON";
        return;
      }
      if (chunk.error) {
        streamError ??= `stream error: ${chunk.error.message ?? "unknown"}`;
        return;
      }
      if (result.responseModel === null && typeof chunk.model === "string") result.responseModel = chunk.model;
      const completionTokens = chunk.usage?.completion_tokens;
      if (typeof completionTokens === "number") result.usageCompletionTokens = completionTokens;
      if (chunkHasText(chunk)) {
        result.contentChunks += 1;
        result.firstTokenAtMs ??= arrivedAtMs;
        result.lastTokenAtMs = arrivedAtMs;
      }
    });

    const transport = request.endpoint.protocol === "https:" ? https : http;
    const req = transport.request(
      request.endpoint,
      {
        method: "POST",
        agent: request.agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(request.body),
          accept: "text/event-stream",
        },
      },
      (res) => {
        result.status = res.statusCode ?? null;
        res.setEncoding("utf8");
        res.on("error", (error) => finish(timedOut ? `timed out after ${request.timeoutMs} ms` : `connection error: ${error.message}`));
        res.on("close", () => finish(timedOut ? `timed out after ${request.timeoutMs} ms` : "connection closed mid-response"));
        if (res.statusCode !== 200) {
          res.on("data", (text: string) => {
            if (result.errorBody.length < ERROR_BODY_LIMIT) result.errorBody += text;
          });
          res.on("end", () => finish(`HTTP ${res.statusCode}`));
          return;
        }
        res.on("data", (text: string) => {
          arrivedAtMs = performance.now();
          splitter.push(text);
        });
        res.on("end", () => finish(streamError ?? (sawDone ? null : "stream ended before data: [DONE]")));
      },
    );
    req.on("error", (error) => finish(timedOut ? `timed out after ${request.timeoutMs} ms` : `connection error: ${error.message}`));
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error("timeout"));
    }, request.timeoutMs);
    req.end(request.body);
  });
}
