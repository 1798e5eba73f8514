import { describe, expect, it } from "vitest";
import { SseDataSplitter } from "../../bench/sseParser";

function split(pieces: string[]): string[] {
  const payloads: string[] = [];
  const splitter = new SseDataSplitter((data) => payloads.push(data));
  for (const piece of pieces) splitter.push(piece);
  return payloads;
}

describe("SseDataSplitter", () => {
  const stream = 'data: {"a":1}\n\ndata: {"b":2}\n\ndata: [DONE]\n\n';

  it("yields each event's data", () => {
    expect(split([stream])).toEqual(['{"a":1}', '{"b":2}', "[DONE]"]);
  });

  it("gives the same events whatever the chunk boundaries, byte by byte included", () => {
    expect(split(stream.split(""))).toEqual(['{"a":1}', '{"b":2}', "[DONE]"]);
    expect(split(['data: {"a"', ':1}\n', '\ndata: {"b":2}\n\nda', "ta: [DONE]\n\n"])).toEqual(['{"a":1}', '{"b":2}', "[DONE]"]);
  });

  it("accepts CRLF line ends, even split between chunks", () => {
    expect(split(['data: {"a":1}\r', "\n\r\n", "data: [DONE]\r\n\r\n"])).toEqual(['{"a":1}', "[DONE]"]);
  });

  it("skips comments and other fields, joins multi-line data and holds back an unfinished event", () => {
    expect(split([": keep-alive\n\nevent: message\nid: 7\ndata:x\ndata: y\n\ndata: unfinished\n"])).toEqual(["x\ny"]);
  });
});
