import { runBenchCommand } from "../bench/benchCommand";
import { runCommand } from "../bench/stackOutputs";

// Exit 3 only for a bug; 0, 1 and 2 keep their documented meanings.
runBenchCommand(process.argv.slice(2), { runCommand, stdout: process.stdout, stderr: process.stderr }).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`bench: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
