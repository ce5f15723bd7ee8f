#!/usr/bin/env node
/**
 * The command line's bin (copied to build/bloc-summary.cjs by scripts/build-cli.ts): it runs the
 * compiled bundle beside it, cli.cjs, with the V8 code cache the build made by running the bundle
 * once on the bundled sample (cli.cjs.cache). A run then neither parses nor compiles again the
 * functions a build uses: what Node 22's module.enableCompileCache does, which Node 20 lacks.
 *
 * The cache is used only when it was made from these very bytes (their SHA-1 heads the cache file)
 * and V8 accepts it (the same V8, the same flags); otherwise the bundle compiles as usual.
 */
"use strict";
const { createHash } = require("crypto");
const fs = require("fs");
const { createRequire } = require("module");
const path = require("path");
const v8 = require("v8");
const vm = require("vm");

// A function is optimised by TurboFan once it has run eight times V8's default budget (67584) of
// bytecode. A run of the command line is short: at the default, V8's background threads spent
// ~250 ms compiling functions that had little left to do (a 300-unit build's main thread took
// ~230 ms), competing with the main thread and the garbage collector for the cores. Set before the
// bundle is compiled, so that the code cache is made and used under the same flags. A tiering
// heuristic only: what the code does is the same (docs/decisions.md, "The command line as a tool").
// Measured on Node 20, the Node these machines have; another V8 may not know the flag (it would
// say so on stderr), so it is set there only.
if (process.versions.node.split(".")[0] === "20") v8.setFlagsFromString("--interrupt-budget=540672");

const file = path.join(__dirname, "cli.cjs");
const cacheFile = `${file}.cache`;
const source = fs.readFileSync(file);
const digest = createHash("sha1").update(source).digest();
let cachedData;
try {
  const cache = fs.readFileSync(cacheFile);
  if (cache.subarray(0, digest.length).equals(digest)) cachedData = cache.subarray(digest.length);
} catch {
  // No cache: the bundle compiles as usual.
}
// The CommonJS module wrapper, on the bundle's first line so that its line numbers stay.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source.toString("utf8")}\n})`, { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(file), bundle, file, __dirname);
// The build's one run asks for the cache at exit, when it holds every function the run compiled.
if (process.env.BLOC_SUMMARY_WRITE_CODE_CACHE === cacheFile) {
  process.once("exit", () => fs.writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()])));
}
bundle.exports.main();
