// Webpack plugin for the single-file page (dist/standalone/社区考核助手.html): every <script src>
// that html-webpack-plugin injects is replaced by the script's own text, and the .js file is
// not emitted, so the page needs no server and no second file. Runs after minification
// (html-webpack-plugin builds the page at the OPTIMIZE_INLINE stage, after Terser). Hand-written
// because it is a dozen lines over html-webpack-plugin's documented alterAssetTagGroups hook.
const HtmlWebpackPlugin = require("html-webpack-plugin");

class InlineScriptsPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("InlineScriptsPlugin", (compilation) => {
      const inlined = new Set();
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("InlineScriptsPlugin", (data) => {
        const inline = (tag) => {
          const src = tag.tagName === "script" && tag.attributes && tag.attributes.src;
          const file = typeof src === "string" ? decodeURIComponent(src.replace(/^\.?\//, "")) : null;
          const asset = file && compilation.getAsset(file);
          if (!asset) return tag;
          inlined.add(file);
          // "</script" inside the code would end the element early; "<\/script" means the same in JS.
          const code = asset.source
            .source()
            .toString()
            .replace(/<\/script/gi, "<\\/script");
          return { tagName: "script", voidTag: false, meta: tag.meta, attributes: {}, innerHTML: code };
        };
        data.headTags = data.headTags.map(inline);
        data.bodyTags = data.bodyTags.map(inline);
        return data;
      });
      compilation.hooks.processAssets.tap(
        { name: "InlineScriptsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          for (const file of inlined) compilation.deleteAsset(file);
        }
      );
    });
  }
}

module.exports = { InlineScriptsPlugin };
