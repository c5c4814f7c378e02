// Builds dist/ for a shared runtime: ONE page (taskpane.html) loads office.js, then the custom
// functions bundle, then the task-pane bundle, so functions and pane share one JavaScript context.
// The browser preview (its host and the .xlsx code) is a chunk the pane loads on demand outside
// Office only. A second build makes dist/standalone/社区考核助手.html: the preview as one file.
//   OFFICE_JS=cdn          load office.js from Microsoft's CDN instead of the copy in dist/office-js
//   ADDIN_URL=https://h/p  dist/manifest.xml points at that URL instead of https://localhost:3000
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions.js");
const { InlineScriptsPlugin } = require("./scripts/inline-scripts.js");

const DEV_URL = "https://localhost:3000";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

function addinUrl() {
  const url = (process.env.ADDIN_URL || DEV_URL).replace(/\/+$/, "");
  if (!/^https:\/\/[^/]/.test(url)) throw new Error(`ADDIN_URL must be an https:// URL, got "${url}"`);
  return url;
}

/** Points the manifest at `url`; AppDomain takes only the origin (a domain, not a path). */
function rewriteManifest(xml, url) {
  const appDomain = (u) => `<AppDomain>${u}</AppDomain>`;
  return xml
    .split(appDomain(DEV_URL))
    .join(appDomain(new URL(url).origin))
    .split(DEV_URL)
    .join(url);
}

const RESOLVE = { extensions: [".ts", ".tsx", ".js", ".json"] };
const MODULE = {
  rules: [
    {
      test: /\.tsx?$/,
      exclude: /node_modules/,
      // Type checking is `npm run typecheck`; the bundle only needs transpiling. tsconfig says
      // noEmit for tsc, so turn emitting back on for the loader.
      use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
    },
  ],
};

/** The preview as one HTML file with everything inlined (script, styles, icon; the sample is in the script). */
function standaloneConfig(dev) {
  const icon = fs.readFileSync(path.resolve(__dirname, "assets/icon-32.png")).toString("base64");
  return {
    name: "standalone",
    devtool: false,
    entry: { standalone: "./src/taskpane/standalone.tsx" },
    output: {
      path: path.resolve(__dirname, "dist/standalone"),
      filename: "[name].js",
      publicPath: "",
      clean: true,
    },
    resolve: RESOLVE,
    module: MODULE,
    plugins: [
      // One chunk: the preview's on-demand import is folded into the page's script.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        filename: "社区考核助手.html",
        template: "./src/taskpane/standalone.html",
        inject: "body", // inline code runs at once: after #container exists
        scriptLoading: "blocking",
        minify: dev ? false : { collapseWhitespace: true, removeComments: true },
        templateParameters: { icon: `data:image/png;base64,${icon}` },
      }),
      new InlineScriptsPlugin(),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  const useCdn = process.env.OFFICE_JS === "cdn";
  const url = addinUrl();

  const config = {
    devtool: dev ? "eval-source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // On-demand chunks (the preview) get a content hash: a browser never mixes an old chunk with a new pane.
      chunkFilename: "[name].[contenthash:8].js",
      // The standalone build writes dist/standalone at the same time: leave it alone.
      clean: { keep: /^(standalone|cli)[\\/]/ },
    },
    resolve: RESOLVE,
    module: MODULE,
    plugins: [
      // JSDoc @customfunction tags of functions.ts → functions.json (+ CustomFunctions.associate calls).
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new LocalizeFunctionsPlugin({ table: path.resolve(__dirname, "src/functions/functions.zh-CN.json") }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual", // keep the order above: functions register before the pane mounts
        templateParameters: { officeJs: useCdn ? CDN_OFFICE_JS : "office-js/office.js" },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), url),
          },
          // office.js loads host- and language-specific siblings at run time, so copy them all
          // (minus debug builds and editor typings, which are never loaded).
          ...(useCdn
            ? []
            : [
                {
                  from: OFFICE_JS_DIST,
                  to: "office-js",
                  filter: (file) => !/(\.debug\.js|\.d\.ts|-vsdoc\.js)$/.test(file),
                  info: { minimized: true }, // already minified: do not run Terser over 30 MB
                },
              ]),
        ],
      }),
    ],
    performance: { hints: false }, // office-js copies are large by nature; bundle size is tested instead
  };

  // Only `webpack serve` needs certificates; a plain build must never ask for sudo.
  if (env && env.WEBPACK_SERVE) {
    const { devCertificates } = require("./scripts/dev-certs.js");
    const certs = devCertificates();
    config.devServer = {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: certs ? { type: "https", options: certs } : { type: "http" },
      static: false,
    };
  }
  // `webpack serve` serves the add-in only; a build makes the standalone page as well.
  return env && env.WEBPACK_SERVE ? config : [config, standaloneConfig(dev)];
};
