/**
 * Builds the add-in's web part into dist/: taskpane.html with its bundle (the pane and the ribbon
 * command: one shared runtime, see manifest.xml), the ribbon's message dialog, the icons, the
 * support page, and manifest.xml pointed at where dist/ will be served.
 *
 *   npm run build        production bundles (ADDIN_PUBLIC_URL=https://host/path/ for the manifest)
 *   npm run build:dev    development bundles with source maps
 *   npm run dev-server   https://localhost:3000/ (certificate from office-addin-dev-certs if installed)
 *
 * Environment:
 *   ADDIN_PUBLIC_URL  https URL dist/ is served from; replaces https://localhost:3000/ in dist/manifest.xml.
 *   OFFICE_JS_URL     where the pages load office.js from (default: Microsoft's CDN). Browser tests
 *                     use /office-js/office.js, which the dev server serves from
 *                     node_modules/@microsoft/office-js/dist.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";
const DEFAULT_OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The manifest for a given public URL: every "https://localhost:3000/" becomes the public URL, and
 * the bare origin (used by <AppDomain>) becomes the public origin. Without a URL, unchanged.
 */
/**
 * TypeScript through ts-loader. Type checking is tsc's job (npx tsc -p tsconfig.json). ES modules
 * let webpack tree-shake Fluent UI; CommonJS output would pull in every component (~17 MB).
 */
const TS_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false } },
  },
};

function publicManifest(xml, publicUrl) {
  if (!publicUrl) return xml;
  let base;
  try {
    base = new URL(publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`);
  } catch {
    throw new Error(`ADDIN_PUBLIC_URL is not a URL: ${publicUrl}`);
  }
  if (base.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be https (Office loads add-ins only over https): ${publicUrl}`);
  if (base.search || base.hash) throw new Error(`ADDIN_PUBLIC_URL must not have a query or fragment: ${publicUrl}`);
  return xml.split(DEV_URL).join(base.href).split(DEV_ORIGIN).join(base.origin);
}

/**
 * What a production build without ADDIN_PUBLIC_URL says: its dist/manifest.xml still points at the
 * dev server, which only the developer's own machine serves. Null when a public URL is set.
 */
function manifestUrlNotice(publicUrl) {
  if (publicUrl) return null;
  return [
    `dist/manifest.xml points at ${DEV_URL} (the dev server on this machine): Excel on other machines cannot load it.`,
    "To publish, set the https address dist/ will be served from and build again, e.g.",
    "  ADDIN_PUBLIC_URL=https://thanhtra.example.gov.vn/bloc-summary/ npm run build",
  ].join("\n");
}

/** Says manifestUrlNotice on stderr after the build, where it is not lost among webpack's stats. */
class ManifestUrlNoticePlugin {
  constructor(text) {
    this.text = text;
  }
  apply(compiler) {
    compiler.hooks.done.tap("ManifestUrlNoticePlugin", () => process.stderr.write(`\n${this.text}\n`));
  }
}

/** Swaps the office.js script URL in the generated pages, so the HTML sources stay plain HTML. */
class OfficeJsUrlPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    if (this.url === DEFAULT_OFFICE_JS_URL) return;
    compiler.hooks.compilation.tap("OfficeJsUrlPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("OfficeJsUrlPlugin", (data) => {
        if (!data.html.includes(DEFAULT_OFFICE_JS_URL)) {
          throw new Error(`${data.outputName}: no <script src="${DEFAULT_OFFICE_JS_URL}"> to replace with OFFICE_JS_URL`);
        }
        data.html = data.html.split(DEFAULT_OFFICE_JS_URL).join(this.url);
        return data;
      });
    });
  }
}

/** office-addin-dev-certs' certificate when it has been installed, else webpack's self-signed one. */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!fs.existsSync(path.join(dir, files.key)) || !fs.existsSync(path.join(dir, files.cert))) return "https";
  const options = {};
  for (const [name, file] of Object.entries(files)) {
    const full = path.join(dir, file);
    if (fs.existsSync(full)) options[name] = fs.readFileSync(full);
  }
  return { type: "https", options };
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  const publicUrl = process.env.ADDIN_PUBLIC_URL || "";
  const officeJsUrl = process.env.OFFICE_JS_URL || DEFAULT_OFFICE_JS_URL;
  const notice = production ? manifestUrlNotice(publicUrl) : null;

  return {
    mode: production ? "production" : "development",
    context: __dirname,
    devtool: production ? false : "source-map",
    entry: {
      // The ribbon command first: it registers with Office.actions.associate as the page loads.
      taskpane: ["./src/commands/commands.ts", "./src/taskpane/index.tsx"],
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [TS_RULE],
    },
    // office.js is loaded by a <script> tag from Microsoft's CDN (required for store add-ins):
    // never bundle it, even if something imports it.
    externals: {
      "@microsoft/office-js": "Office",
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new OfficeJsUrlPlugin(officeJsUrl),
      ...(notice ? [new ManifestUrlNoticePlugin(notice)] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/support.html", to: "support.html" },
          { from: "src/commands/message.html", to: "message.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => publicManifest(content.toString("utf8"), publicUrl),
          },
        ],
      }),
    ],
    performance: {
      // Fluent UI + React: about 300 KB minified. Past 1 MB something pulled in too much.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
      hints: production ? "warning" : false,
    },
    devServer: {
      port: 3000,
      server: httpsServer(),
      headers: { "Access-Control-Allow-Origin": "*" },
      // A local copy of office.js for browser tests: OFFICE_JS_URL=/office-js/office.js npm run dev-server
      static: {
        directory: path.join(__dirname, "node_modules/@microsoft/office-js/dist"),
        publicPath: "/office-js",
        watch: false,
      },
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};

module.exports.publicManifest = publicManifest;
module.exports.manifestUrlNotice = manifestUrlNotice;
module.exports.TS_RULE = TS_RULE;
module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_OFFICE_JS_URL = DEFAULT_OFFICE_JS_URL;
