import type { Enumeration } from '../enums';
import type { Slot } from '../slots';

// A column of workbook.md: its key (the English header), its Japanese header, and its type.
// The record type of a tab is derived from its columns (see RecordOf), so the schema is the
// only place a column is described.
export type ColumnType =
  | 'id' | 'text' | 'date' | 'timestamp' | 'time' | 'int' | 'number' | 'boolean' | 'list' | 'slots';

interface ColumnBase<K extends string> {
  readonly key: K;
  readonly ja: string;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** For `id` columns that point at another tab's id. */
  readonly ref?: string;
  /** The tab's own id column. */
  readonly primary?: boolean;
}
export interface PlainColumn<K extends string, T extends ColumnType> extends ColumnBase<K> {
  readonly type: T;
}
export interface EnumColumn<K extends string, C extends string> extends ColumnBase<K> {
  readonly type: 'enum';
  readonly enumeration: Enumeration<C>;
}
export interface EnumListColumn<K extends string, C extends string> extends ColumnBase<K> {
  readonly type: 'enum_list';
  readonly enumeration: Enumeration<C>;
}
export type Column =
  | PlainColumn<string, ColumnType>
  | EnumColumn<string, string>
  | EnumListColumn<string, string>;

type Opt = { required?: boolean; min?: number; max?: number; ref?: string; primary?: boolean };

// `const O` keeps `required: true` literal, so RecordOf can tell required columns apart.
export function col<K extends string, T extends ColumnType, const O extends Opt = {}>(key: K, ja: string, type: T, opt?: O): PlainColumn<K, T> & O {
  return { key, ja, type, ...(opt ?? ({} as O)) };
}
export function enumCol<K extends string, C extends string, const O extends Opt = {}>(key: K, ja: string, enumeration: Enumeration<C>, opt?: O): EnumColumn<K, C> & O {
  return { key, ja, type: 'enum', enumeration, ...(opt ?? ({} as O)) };
}
export function enumListCol<K extends string, C extends string, const O extends Opt = {}>(key: K, ja: string, enumeration: Enumeration<C>, opt?: O): EnumListColumn<K, C> & O {
  return { key, ja, type: 'enum_list', enumeration, ...(opt ?? ({} as O)) };
}

type PlainValue<T extends ColumnType> =
  T extends 'int' | 'number' ? number
  : T extends 'boolean' ? boolean
  : T extends 'list' ? string[]
  : T extends 'slots' ? Slot[]
  : string;

type EnumCode<C> = C extends { enumeration: { codes: infer L extends readonly string[] } } ? L[number] : never;

type Required<C> = C extends { required: true } ? true : false;

// Blank optional cells read as null, except text (''), booleans (false) and lists ([]),
// whose blank has an obvious meaning.
export type ValueOf<C> =
  // The codes are read through `codes[number]`, not `infer`: an optional column's type reaches
  // here as Enumeration<E> & Enumeration<string>, where `infer` would widen E to string.
  C extends EnumColumn<string, string> ? (Required<C> extends true ? EnumCode<C> : EnumCode<C> | null)
  : C extends EnumListColumn<string, string> ? EnumCode<C>[]
  : C extends PlainColumn<string, infer T>
    ? T extends 'text' | 'boolean' | 'list' | 'slots' ? PlainValue<T>
      : Required<C> extends true ? PlainValue<T> : PlainValue<T> | null
    : never;

export type RecordOf<Cols extends readonly Column[]> = {
  -readonly [C in Cols[number] as C['key']]: ValueOf<C>;
};
