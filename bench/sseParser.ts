/**
 * Splits a text/event-stream into the data payloads of its events, whatever the network chunk boundaries.
 * Only `data:` fields matter to OpenAI streams; other fields and comments are skipped.
 */
export class SseDataSplitter {
  private pending = "";
  private dataLines: string[] = [];

  constructor(private readonly onData: (data: string) => void) {}

  push(text: string): void {
    this.pending += text;
    let lineStart = 0;
    let newline = this.pending.indexOf("\n", lineStart);
    while (newline !== -1) {
      const lineEnd = newline > lineStart && this.pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.acceptLine(this.pending.slice(lineStart, lineEnd));
      lineStart = newline + 1;
      newline = this.pending.indexOf("\n", lineStart);
    }
    this.pending = this.pending.slice(lineStart);
  }

  private acceptLine(line: string): void {
    if (line === "") {
      if (this.dataLines.length > 0) this.onData(this.dataLines.join("\n"));
      this.dataLines = [];
    } else if (line.startsWith("data:")) {
      this.dataLines.push(line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5));
    }
  }
}
