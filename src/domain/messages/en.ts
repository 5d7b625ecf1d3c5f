import type { Catalog } from './catalog';

export const en: Catalog = {
  problems: {
    // The reader's own reason (p.detail) is JavaScript's wording: shown only with DEBUG=ikigai.
    not_a_workbook: () => `cannot be read as a workbook (.xlsx); check that Excel opens it and save it again as .xlsx`,
    file_not_found: (p) => `no such file (${p.path})`,
    missing_tab: (p) => `the tab "${p.en}" is missing (Japanese name ${p.tab} also accepted)`,
    missing_header: (p) => `the column "${p.en}" is missing (Japanese name ${p.header} also accepted)`,
    duplicate_header: (p) => `the column "${p.header}" appears twice`,
    required: (p) => `"${p.header}" is required`,
    bad_date: (p) => `"${p.value}" is not a date (e.g. 2015-04-01)`,
    bad_timestamp: (p) => `"${p.value}" is not a date and time (e.g. 2015-04-01 09:30)`,
    bad_time: (p) => `"${p.value}" is not a time of day (e.g. 13:30)`,
    bad_number: (p) => `"${p.value}" is not a number`,
    bad_integer: (p) => `"${p.value}" is not a whole number`,
    out_of_range: (p) => `"${p.value}" is out of range (${p.min} to ${p.max})`,
    bad_boolean: (p) => `"${p.value}" is not yes/no (TRUE/FALSE, yes/no, 1/0)`,
    bad_enum: (p) => `"${p.value}" is not allowed in "${p.header}" (allowed: ${p.allowed})`,
    bad_slot: (p) => `"${p.value}" is not a slot (e.g. Mon-AM, Tue-PM)`,
    duplicate_id: (p) => `the ID "${p.id}" is a duplicate (same as ${p.other})`,
    missing_reference: (p) => `${p.header} "${p.id}" is not in "${p.target}"`,
    placed_without_date: () => `a placed or ended match needs a placed-on date`,
    ended_before_placed: (p) => `ended on ${p.ended} is before placed on ${p.placed}`,
    left_before_joined: (p) => `left on ${p.left} is before joined on ${p.joined}`,
    bad_setting: (p) => `the setting "${p.key}" has a wrong value "${p.value}" (${p.expected})`,
    error_value: (p) => `holds the error value ${p.value} (fix the formula or type the value)`,
    not_finite: (p) => `"${p.value}" cannot be used as a value (it is what a failed calculation leaves)`,
    duplicate_tab: (p) => `both tabs "${p.tab}" and "${p.other}" are present; keep only one of them (reading "${p.tab}" for now)`,
  },
};
