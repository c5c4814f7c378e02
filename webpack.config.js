// Builds dist/ for a shared runtime: ONE page (taskpane.html) loads office.js, then the custom
// functions bundle, then the task-pane bundle, so functions and pane share one JavaScript context.
//   OFFICE_JS=cdn          load office.js from Microsoft's CDN instead of the copy in dist/office-js
//   ADDIN_URL=https://h/p  dist/manifest.xml points at that URL instead of https://localhost:3000
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizeFunctionsPlugin } = require("./scripts/localize-functions.js");

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
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type checking is `npm run typecheck`; the bundle only needs transpiling. tsconfig says
          // noEmit for tsc, so turn emitting back on for the loader.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
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
  return config;
};
