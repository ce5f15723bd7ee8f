/**
 * Bundles test/browser/harness.tsx (the task pane over the Excel fake) for the browser test, with
 * the same loader settings as the production build (webpack.config.js).
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { TS_RULE } = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");

module.exports = (outDir) => ({
  mode: "production",
  context: ROOT,
  devtool: false,
  entry: { harness: "./test/browser/harness.tsx" },
  output: { path: outDir, filename: "[name].[contenthash:8].js", publicPath: "/harness/", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [TS_RULE],
  },
  externals: { "@microsoft/office-js": "Office" },
  plugins: [new HtmlWebpackPlugin({ filename: "index.html", template: "./test/browser/harness.html", chunks: ["harness"] })],
  performance: { hints: false },
});
