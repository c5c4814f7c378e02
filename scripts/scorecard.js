// `npm run scorecard -- <command> …`: runs the compiled command line (dist/cli/scorecard.js),
// compiling it first when it is missing or older than a source file (scripts/build-cli.js), so
// it works on a fresh clone after `npm install` and stays true to the sources while editing.
const { ensureCli } = require("./build-cli.js");

const cli = require(ensureCli());
// npm runs scripts in the project folder and says in INIT_CWD where the user typed the command:
// relative file names are the user's, so the command runs there.
const userFolder = process.env.INIT_CWD;
if (userFolder) {
  try {
    process.chdir(userFolder);
  } catch (e) {
    process.stderr.write(
      `无法进入运行命令的文件夹 ${userFolder}（${e.code || e.message}）/ Cannot enter ${userFolder}\n`
    );
    process.exit(2);
  }
}
cli.runAsProcess(process.argv.slice(2));
