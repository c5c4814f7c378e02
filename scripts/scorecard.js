// `npm run scorecard -- <command> …`: runs the compiled command line (dist/cli/scorecard.js),
// compiling it first when it is missing or older than a source file (scripts/build-cli.js), so
// it works on a fresh clone after `npm install` and stays true to the sources while editing.
const { ensureCli } = require("./build-cli.js");

require(ensureCli()).runAsProcess(process.argv.slice(2));
