// Preloaded with `node -r` into a benchmarked process: at exit, writes its peak resident set size
// (KB, process.resourceUsage().maxRSS) and the CPU time it used (ms, user + system) to the file
// named by BENCH_MAXRSS_FILE, as "<kb> <ms>". The same measure for every process compared, without
// changing the program measured.
const fs = require("fs");
process.on("exit", () => {
  if (!process.env.BENCH_MAXRSS_FILE) return;
  const u = process.resourceUsage();
  fs.writeFileSync(process.env.BENCH_MAXRSS_FILE, `${u.maxRSS} ${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}`);
});
