// Bad data is not an exception: parsers collect problems, and a problem is rendered in the
// user's language from the message catalog only when it is shown (conventions.md).
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem {
  /** The tab's name as it stands in the workbook (or as it should, when missing). */
  readonly tab: string;
  /** A1 reference (`D10`), `1` for the header row, or '' for the tab as a whole. */
  readonly cell: string;
  readonly code: ProblemCode;
  readonly params: ProblemParams;
  /** A warning is reported but does not make the workbook bad (`ikigai check` still exits 0);
   *  absent = an error. */
  readonly severity?: 'warning';
}

export type ProblemCode =
  | 'not_a_workbook'
  | 'file_not_found'
  | 'missing_tab'
  | 'missing_header'
  | 'duplicate_header'
  | 'required'
  | 'bad_date'
  | 'bad_timestamp'
  | 'bad_time'
  | 'bad_number'
  | 'bad_integer'
  | 'out_of_range'
  | 'bad_boolean'
  | 'bad_enum'
  | 'bad_slot'
  | 'duplicate_id'
  | 'missing_reference'
  | 'placed_without_date'
  | 'ended_before_placed'
  | 'left_before_joined'
  | 'bad_setting'
  | 'error_value'
  | 'not_finite'
  | 'duplicate_tab'
  | 'unpriced_work'
  | 'unknown_skill'
  | 'survey_form_unreadable'
  | 'unknown_question';
