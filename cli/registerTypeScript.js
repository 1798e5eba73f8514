// Lets `node -r ./cli/registerTypeScript.js` run the project's TypeScript: sucrase strips the types
// (keeping line numbers, so stack traces point at the .ts lines) and each file's output is cached
// by content, which saves a quarter of a second on every plan after the first.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { addHook } = require("pirates");
const { transform } = require("sucrase");

const cacheDir = path.join(__dirname, "..", "node_modules", ".cache", "llmd-typescript");
const cacheVersion = `${require("sucrase/package.json").version}:${fs.statSync(__filename).mtimeMs}`;

addHook(
  (code, filePath) => {
    const key = crypto.createHash("sha256").update(cacheVersion).update(filePath).update(code).digest("hex");
    const cached = path.join(cacheDir, `${key}.js`);
    try {
      return fs.readFileSync(cached, "utf8");
    } catch {
      const output = transform(code, { transforms: ["imports", "typescript"], filePath }).code;
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        fs.writeFileSync(cached, output);
      } catch {
        // A read-only checkout still runs, only uncached.
      }
      return output;
    }
  },
  { exts: [".ts"], ignoreNodeModules: true },
);
