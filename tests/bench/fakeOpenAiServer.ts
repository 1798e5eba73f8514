import http from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";

export interface FakeServerOptions {
  /** Delay from the request's arrival to the first content chunk. */
  firstTokenDelayMs?: number;
  /** Gap between content chunks, scheduled against the first token's time so timer lateness does not add up. */
  tokenGapMs?: number;
  /** Content chunks (one token each) per answer, capped by the request's max_tokens. */
  outputTokens?: number;
  /** Reported in usage; large, so a client that counts prompt tokens as throughput is caught. */
  promptTokens?: number;
  /** Every k-th request for a model (per-model count) answers 404 "model does not exist", like a mixed pool. */
  notFoundEvery?: number;
  /** Every k-th request for a model (same per-model count) streams an answer from `wrongModelName`. */
  wrongModelEvery?: number;
  wrongModelName?: string;
  /** false: never send the usage chunk, even when asked, so clients must count content chunks. */
  sendUsage?: boolean;
}

export interface ReceivedRequest {
  path: string;
  body: Record<string, unknown>;
}

export interface FakeOpenAiServer {
  url: string;
  /** Every request in arrival order. */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

function sse(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

function chunks(path: string, model: string, id: number, tokens: number, usage: object | null): string[] {
  const chat = path === "/v1/chat/completions";
  const base = {
    id: `${chat ? "chatcmpl" : "cmpl"}-${id}`,
    object: chat ? "chat.completion.chunk" : "text_completion",
    created: Math.floor(Date.now() / 1000),
    model,
  };
  const withUsageField = usage === null ? {} : { usage: null };
  const content = Array.from({ length: tokens }, (_, index) => {
    const finishReason = index === tokens - 1 ? "length" : null;
    const choice = chat
      ? { index: 0, delta: { content: ` tok${index}` }, logprobs: null, finish_reason: finishReason }
      : { index: 0, text: ` tok${index}`, logprobs: null, finish_reason: finishReason };
    return sse({ ...base, choices: [choice], ...withUsageField });
  });
  const tail = usage === null ? [] : [sse({ ...base, choices: [], usage })];
  return [...content, ...tail, "data: [DONE]\n\n"];
}

/** Role-only first chunk of a chat stream: it carries no text, so it must not stop the TTFT clock. */
function chatRoleChunk(model: string, id: number): string {
  return sse({
    id: `chatcmpl-${id}`,
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }],
  });
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** A loopback OpenAI-compatible server that streams completions in the real chunk format. */
export async function startFakeOpenAiServer(options: FakeServerOptions = {}): Promise<FakeOpenAiServer> {
  const firstTokenDelayMs = options.firstTokenDelayMs ?? 0;
  const tokenGapMs = options.tokenGapMs ?? 0;
  const received: ReceivedRequest[] = [];
  const requestsPerModel = new Map<string, number>();
  let nextId = 0;

  const stream = (req: http.IncomingMessage, res: http.ServerResponse, body: Record<string, unknown>): void => {
    const arrivedAt = performance.now();
    const path = req.url ?? "";
    const requested = String(body.model);
    const count = (requestsPerModel.get(requested) ?? 0) + 1;
    requestsPerModel.set(requested, count);
    if (options.notFoundEvery !== undefined && count % options.notFoundEvery === 0) {
      sendJson(res, 404, { error: { message: `The model \`${requested}\` does not exist.`, type: "NotFoundError", param: null, code: 404 } });
      return;
    }
    const answeringModel =
      options.wrongModelEvery !== undefined && count % options.wrongModelEvery === 0 ? (options.wrongModelName ?? "other/model") : requested;
    const maxTokens = typeof body.max_tokens === "number" ? body.max_tokens : 16;
    const tokens = Math.min(maxTokens, options.outputTokens ?? 8);
    const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
    const promptTokens = options.promptTokens ?? 1000;
    const usage =
      options.sendUsage !== false && streamOptions?.include_usage === true
        ? { prompt_tokens: promptTokens, completion_tokens: tokens, total_tokens: promptTokens + tokens }
        : null;
    const id = nextId++;
    const pieces = chunks(path, answeringModel, id, tokens, usage);

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    if (path === "/v1/chat/completions") res.write(chatRoleChunk(answeringModel, id));
    if (firstTokenDelayMs === 0 && tokenGapMs === 0) {
      res.end(pieces.join(""));
      return;
    }
    let closed = false;
    let timer: NodeJS.Timeout | undefined;
    res.on("close", () => {
      closed = true;
      clearTimeout(timer);
    });
    // Content chunk i is due at arrival + first delay + i * gap; the usage chunk and [DONE] go with the last one.
    const writeFrom = (index: number): void => {
      if (closed) return;
      if (index === tokens - 1) {
        res.end(pieces.slice(index).join(""));
        return;
      }
      res.write(pieces[index]);
      const dueAt = arrivedAt + firstTokenDelayMs + (index + 1) * tokenGapMs;
      timer = setTimeout(() => writeFrom(index + 1), Math.max(0, dueAt - performance.now()));
    };
    timer = setTimeout(() => writeFrom(0), Math.max(0, arrivedAt + firstTokenDelayMs - performance.now()));
  };

  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      const path = req.url ?? "";
      if (req.method !== "POST" || (path !== "/v1/completions" && path !== "/v1/chat/completions")) {
        sendJson(res, 404, { error: { message: `no route for ${req.method} ${path}` } });
        return;
      }
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(parts).toString("utf8")) as Record<string, unknown>;
      } catch {
        sendJson(res, 400, { error: { message: "body is not JSON" } });
        return;
      }
      received.push({ path, body });
      stream(req, res, body);
    });
  });
  server.keepAliveTimeout = 30_000;

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
