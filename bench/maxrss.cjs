// Preloaded with `node -r` into a benchmarked process: at exit, writes its peak resident set size
// (KB, process.resourceUsage().maxRSS) to the file named by BENCH_MAXRSS_FILE. The same measure for
// every process compared, without changing the program measured.
const fs = require("fs");
process.on("exit", () => {
  if (process.env.BENCH_MAXRSS_FILE) fs.writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
