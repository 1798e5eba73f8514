/** Turns zod issues into the one-line-per-problem messages users see: `<key path>: <what is wrong>`. */
import type { z } from "zod";

/** `["models", 1, "accelerator"]` -> `models[1].accelerator`. */
export function keyPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join("");
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The known key a typo most likely meant, if one is close. */
export function closestKey(unknown: string, known: readonly string[]): string | undefined {
  const scored = known
    .map((key) => ({ key, distance: editDistance(unknown.toLowerCase(), key.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  return best && best.distance <= Math.max(2, Math.floor(unknown.length / 4)) ? best.key : undefined;
}

/** The keys an object schema accepts at `path` of the root schema. */
function knownKeysAt(root: z.ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  let schema: unknown = root;
  for (const part of path) {
    schema = unwrap(schema);
    const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === "array" && typeof part === "number") schema = def.element;
    else if (def?.type === "object" && typeof part === "string") schema = def.shape?.[part];
    else return [];
  }
  const def = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } }).def;
  return Object.keys(def?.shape ?? {});
}

/** Looks through `.default()` and `.optional()` wrappers. */
function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown } };
  while (current?.def && (current.def.type === "default" || current.def.type === "optional")) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

export function formatIssues(root: z.ZodType, issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      const known = knownKeysAt(root, issue.path);
      for (const key of issue.keys) {
        const suggestion = closestKey(key, known);
        const hint = suggestion ? `did you mean \`${suggestion}\`?` : `known keys: ${known.join(", ")}`;
        lines.push(`${keyPath([...issue.path, key])}: unknown key; ${hint}`);
      }
    } else {
      lines.push(`${keyPath(issue.path)}: ${issue.message}`);
    }
  }
  return lines;
}
