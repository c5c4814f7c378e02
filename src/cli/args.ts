import { Locale, msg } from "../scoring";
import { CliError } from "./errors";

/** A parsed command line: the command, its positional arguments and its options. */
export interface Args {
  command: string;
  positional: string[];
  json: boolean;
  out?: string;
  today?: string;
  /** statement: `--community NAME` (one community's statement). */
  community?: string;
  /** statement: `--pdf out.pdf`. */
  pdf?: string;
  /** whatif: each `--set KEY=VALUE`, in order. */
  sets: string[];
  /** whatif: `--interpretations`. */
  interpretations: boolean;
  /** `--force`: a file that already exists may be replaced (规则 §8: never without it). */
  force: boolean;
  locale: Locale;
  help: boolean;
}

const VALUE_OPTIONS = new Set(["--out", "--today", "--lang", "--set", "--community", "--pdf"]);
const FLAGS = new Set(["--json", "--help", "-h", "--interpretations", "--force"]);
/** The one option that may be given more than once; any other twice is a usage error, not "the last wins". */
const REPEATABLE = new Set(["--set"]);

export function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    command: "",
    positional: [],
    json: false,
    sets: [],
    interpretations: false,
    force: false,
    locale: "zh-CN",
    help: false,
  };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    if ((VALUE_OPTIONS.has(name) || FLAGS.has(name)) && !REPEATABLE.has(name)) {
      if (seen.has(name))
        throw new CliError(msg(`选项 ${name} 只能给一次`, `The option ${name} may be given only once`));
      seen.add(name);
    }
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "")
        throw new CliError(msg(`选项 ${name} 后面需要一个值`, `The option ${name} needs a value`));
      if (name === "--out") args.out = value;
      else if (name === "--today") args.today = value;
      else if (name === "--set") args.sets.push(value);
      else if (name === "--community") args.community = value;
      else if (name === "--pdf") args.pdf = value;
      else if (value === "en" || value === "en-US") args.locale = "en-US";
      else if (value === "zh" || value === "zh-CN") args.locale = "zh-CN";
      else
        throw new CliError(
          msg(`--lang 只接受 zh 或 en，而不是“${value}”`, `--lang takes zh or en, not "${value}"`)
        );
    } else if (FLAGS.has(name)) {
      if (name === "--json") args.json = true;
      else if (name === "--interpretations") args.interpretations = true;
      else if (name === "--force") args.force = true;
      else args.help = true;
    } else if (a.startsWith("-") && a !== "-") {
      throw new CliError(
        msg(
          `不认识的选项 ${a}（运行 scorecard help 查看用法）`,
          `Unknown option ${a} (run scorecard help for usage)`
        )
      );
    } else if (args.command === "") args.command = a;
    else args.positional.push(a);
  }
  return args;
}

export const USAGE = `用法 / usage: npm run --silent scorecard -- <命令> …

  template <out.xlsx> [--force]                    写出空白模板（各输入表、下拉选项、设置默认值、21 项工作要点）
  sample <out.xlsx> [--force]                      写出内置示例（12 个社区，其中 2 个村改居）
  validate <in.xlsx> [--json]                      检查工作簿，列出问题
  rank <in.xlsx> [--out <out.xlsx>] [--json]       校验、计分、排名；--out 写出原工作簿加生成的结果表
  workplan <in.xlsx> [--today YYYY-MM-DD] [--json] [--out <out.xlsx>]
                                                   工作要点汇总（逾期按 --today 判断，默认今天）；--out 写出加上“工作要点汇总”表的工作簿
  whatif <in.xlsx> --set 项目=值 [--set …] [--json]  试算：改设置后重新排名，只列出变动（不写任何文件）
  whatif <in.xlsx> --interpretations [--json]      各项理解（[I]）换一种读法是否改变先进名单、谁变动
  statement <in.xlsx> [--community 社区] [--out <out.xlsx>] [--pdf <out.pdf>]
                                                   成绩单：每个社区一页（或只一个社区），不给 --out/--pdf 时打印为文字；
                                                   --out 写出加上“成绩单”表的工作簿；--pdf 经 LibreOffice（soffice）转为 PDF
  notice <in.xlsx> [--out <out.xlsx>] [--pdf <out.pdf>]
                                                   公示名单（A4 一页，可张贴）；名额线上有并列待定或有错误时拒绝（退出码 1）
  compare <before.xlsx> <after.xlsx> [--json] [--out <out.xlsx>]
                                                   比较两个文件：逐条列出新增、删除、修改的输入记录（按记录身份，不按行号），
                                                   再列出名次、得分、先进或奖金有变动的社区和个人；--out 写出加上“比较结果”表的后一个文件
  （validate、rank、workplan、whatif、statement、notice 不给文件时使用内置示例，只显示不写出：--out、--pdf 需要输入文件
   / with no file: the built-in sample, shown only — --out and --pdf need an input file）

  --force     写出的文件已存在时替换它（否则拒绝，退出码 2）/ replace an existing file (else refused, exit 2)；
              template、sample、--out、--pdf 都不会不加 --force 就覆盖文件；符号链接一律拒绝 / a symbolic link is refused
  --lang en   messages in English
  相对路径按运行命令的文件夹 / relative paths are the folder the command is typed in (npm: INIT_CWD)
  SOFFICE=路径  SOFFICE_TIMEOUT=秒（默认 300）  --pdf 用的 LibreOffice 与转换时限 / LibreOffice for --pdf and its time limit

退出码 / exit codes: 0 没有错误（可有警告） no errors · 1 有错误 errors · 2 无法执行（参数或文件） unusable call or file`;
