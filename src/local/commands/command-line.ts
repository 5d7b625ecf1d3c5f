import { parseArgs, type ParseArgsConfig } from 'node:util';
import { debugDetail } from '../debug';
import type { Io } from '../io';

// The part every `ikigai X` command line shares (cli.md): strict options, --help prints the usage
// and exits 0, a wrong or missing option names the mistake above the usage and exits 2. Kept in
// one place so the commands cannot drift apart in how they treat a bad command line.

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

type Config<O extends OptionsConfig> = { args: string[]; options: O & typeof HELP; strict: true; allowPositionals: false };

/** The parsed options of a command, typed from its option table (help included). */
export type OptionValues<O extends OptionsConfig> = ReturnType<typeof parseArgs<Config<O>>>['values'];

/** The options that take a value: only these can be required. */
export type StringOption<O extends OptionsConfig> = { [K in keyof O]: O[K]['type'] extends 'string' ? K : never }[keyof O] & string;

export interface Command<O extends OptionsConfig, R extends StringOption<O> = never> {
  /** The word after `ikigai`, used in every message. */
  readonly name: string;
  readonly usage: string;
  /** The command's own options; --help / -h is added here. */
  readonly options: O;
  /**
   * Options that must be given (non-empty), checked in order; the first one missing is named.
   * A group is named whole when any of its options is missing.
   */
  readonly required?: readonly (R | readonly R[])[];
}

/**
 * Either the options to go on with (and `fail`, for the command's own checks of their values),
 * or the exit status: the command line is already answered.
 */
export type CommandLine<O extends OptionsConfig, R extends string = never> =
  | { readonly ok: true; readonly values: OptionValues<O> & Readonly<Record<R, string>>; fail(message: string): number }
  | { readonly ok: false; readonly exit: number };

/** Names the mistake and the usage on stderr; returns 2, the exit status of a bad command line. */
function commandLineError(command: Pick<Command<OptionsConfig>, 'name' | 'usage'>, io: Io, message: string): number {
  io.err(`ikigai ${command.name}: ${message}\n${command.usage}`);
  return 2;
}

/** "--workbook が必要です / --workbook is required", or for a group "--a と --b が必要です / --a and --b are required". */
export function requiredMessage(names: readonly string[]): string {
  const flags = names.map((n) => `--${n}`);
  return `${flags.join(' と ')} が必要です / ${flags.join(' and ')} ${flags.length > 1 ? 'are' : 'is'} required`;
}

/** The first thing wrong in `argv` (which strict parsing refused), in Japanese and English. */
export function mistakeOf(options: OptionsConfig, argv: string[]): string {
  const known: OptionsConfig = { ...options, ...HELP };
  const { tokens } = parseArgs({ args: argv, options: known, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional') return `余分な引数「${token.value}」があります / unexpected argument "${token.value}"`;
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(known, token.name) ? known[token.name] : undefined;
    if (!option) return `${token.rawName} というオプションはありません / unknown option ${token.rawName}`;
    if (option.type === 'string' && token.value === undefined) return `${token.rawName} に値がありません / ${token.rawName} needs a value`;
    if (option.type === 'boolean' && token.value !== undefined) return `${token.rawName} は値をとりません / ${token.rawName} takes no value`;
  }
  return 'コマンドラインが読めません / the command line cannot be read';
}

/**
 * Parses `argv` against the command's options. --help, an unknown option or a missing required
 * one is answered here (usage on stdout, or the mistake and usage on stderr) and comes back as
 * `{ ok: false, exit }` for the command to return as it is.
 */
export function readCommandLine<O extends OptionsConfig, R extends StringOption<O> = never>(
  command: Command<O, R>, argv: string[], io: Io,
): CommandLine<O, R> {
  let values: OptionValues<O>;
  try {
    const config: Config<O> = { args: argv, options: { ...command.options, ...HELP }, strict: true, allowPositionals: false };
    values = parseArgs(config).values;
  } catch (error) {
    // Node's wording ("Unknown option '--x'. To specify a positional argument…") is English
    // only: the mistake is named in our words, Node's kept for DEBUG=ikigai.
    debugDetail(io, error);
    return { ok: false, exit: commandLineError(command, io, mistakeOf(command.options, argv)) };
  }
  const given = values as Readonly<Record<string, unknown>>;
  if (given.help) { io.out(command.usage); return { ok: false, exit: 0 }; }
  for (const entry of command.required ?? []) {
    const names: readonly string[] = typeof entry === 'string' ? [entry] : entry;
    if (names.some((n) => !given[n])) return { ok: false, exit: commandLineError(command, io, requiredMessage(names)) };
  }
  // Every required option was just seen to be given, and each takes a string (StringOption).
  return {
    ok: true,
    values: values as OptionValues<O> & Readonly<Record<R, string>>,
    fail: (message) => commandLineError(command, io, message),
  };
}
