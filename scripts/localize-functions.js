// Webpack plugin: after custom-functions-metadata-plugin has emitted functions.json (from the
// JSDoc of src/functions/functions.ts), emit functions.zh-CN.json — the same metadata with the
// Chinese names and descriptions of src/functions/functions.zh-CN.json. Ids stay ASCII, so
// workbooks keep working across languages. Any disagreement between the two fails the build:
// a function without a Chinese name would silently show up in English in Chinese Excel.
const fs = require("fs");
const { sources, WebpackError } = require("webpack");

// Excel accepts letters (Chinese included), digits, "_" and "."; a name starts with a letter
// and has at least three characters.
const NAME_RULE = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;

/** Returns [localized metadata, problems] — pure, so tests can call it without webpack. */
function localize(metadata, table) {
  const problems = [];
  const seen = new Set();
  const functions = metadata.functions.map((fn) => {
    seen.add(fn.id);
    const zh = table[fn.id];
    if (!zh) {
      problems.push(`function ${fn.id} has no entry`);
      return fn;
    }
    if (!NAME_RULE.test(zh.name || ""))
      problems.push(`${fn.id}: name "${zh.name}" is not a valid Excel name`);
    if (!zh.description) problems.push(`${fn.id}: no description`);
    const zhParams = zh.parameters || {};
    const parameters = (fn.parameters || []).map((p) => {
      const zp = zhParams[p.name];
      if (!zp || !zp.name || !zp.description) {
        problems.push(`${fn.id}: parameter ${p.name} has no name/description`);
        return p;
      }
      return { ...p, name: zp.name, description: zp.description };
    });
    for (const name of Object.keys(zhParams))
      if (!(fn.parameters || []).some((p) => p.name === name))
        problems.push(`${fn.id}: parameter ${name} is not in functions.json`);
    return { ...fn, name: zh.name, description: zh.description, parameters };
  });
  for (const id of Object.keys(table))
    if (!id.startsWith("$") && !seen.has(id)) problems.push(`function ${id} is not in functions.json`);
  return [{ ...metadata, functions }, problems];
}

class LocalizeFunctionsPlugin {
  /** @param {{ table: string, input?: string, output?: string }} options */
  constructor(options) {
    this.table = options.table;
    this.input = options.input || "functions.json";
    this.output = options.output || "functions.zh-CN.json";
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.fileDependencies.add(this.table); // rebuild in watch mode when the table changes
      compilation.hooks.processAssets.tap(
        // REPORT stage: runs after every other plugin has emitted its assets (functions.json included).
        { name: "LocalizeFunctionsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const fail = (message) =>
            compilation.errors.push(new WebpackError(`functions.zh-CN: ${message} (table: ${this.table})`));
          const asset = compilation.getAsset(this.input);
          if (!asset)
            return fail(`${this.input} was not emitted; is custom-functions-metadata-plugin configured?`);
          const table = JSON.parse(fs.readFileSync(this.table, "utf8"));
          const [localized, problems] = localize(JSON.parse(asset.source.source().toString()), table);
          if (problems.length) return fail(problems.join("; "));
          compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(localized, null, 2)));
        }
      );
    });
  }
}

module.exports = { LocalizeFunctionsPlugin, localize };
