// The `ikigai` command (design/cli.md). Each command lives in src/local/commands/<name>.ts and
// exports `run(argv, io)`; this file only dispatches. Exit status: 0 done, 1 the data has
// problems, 2 the command line is wrong.
import { debugDetail } from './debug';
import type { Io } from './io';

type CommandModule = { run(argv: string[], io: Io): Promise<number> };

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  demo: () => import('./commands/demo'),
  check: () => import('./commands/check'),
  report: () => import('./commands/report'),
  weekly: () => import('./commands/weekly'),
  match: () => import('./commands/match'),
  tally: () => import('./commands/tally'),
  pay: () => import('./commands/pay'),
  signup: () => import('./commands/signup'),
  work: () => import('./commands/work'),
};

const USAGE = `使い方 / usage: ikigai <command> [options]
  demo    [--out DIR]
  check   --workbook F
  report  --workbook F (--fiscal-year Y | --week DATE | --from D --to D) [--json] [--write-stats]
  weekly  --workbook F --week DATE [--mail-dir DIR] [--resend]
  match   --workbook F --job ID [--as-of DATE] [--json]
  tally   --workbook F --sheet TAB [--by QUESTION] [--target N] [--json] [--mail-dir DIR]
  pay     --workbook F (--month YYYY-MM | --year YYYY | --reopen YYYY-MM) [--json] [--out DIR] [--preview]
  signup  --workbook F --responses R.csv [--mail-dir DIR] [--json]
  work    import --workbook F --csv R.csv [--dry-run] [--by NAME]`;

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`ikigai: 不明なコマンド / unknown command: ${name}\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (error) {
    // A bug, or the file system failing: one short line, the detail only under DEBUG=ikigai
    // (conventions.md), never JavaScript's own message or a stack trace.
    debugDetail(io, error);
    io.err(`ikigai ${name}: ${UNEXPECTED}`);
    return 1;
  }
}

const UNEXPECTED = '思わぬエラーで止まりました。DEBUG=ikigai を付けて実行すると詳しい内容が出ます'
  + ' / stopped on an unexpected error; run again with DEBUG=ikigai to see the detail';

function processIo(): Io {
  // `ikigai report | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); else throw e; });
  return {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    cwd: process.cwd(),
  };
}
