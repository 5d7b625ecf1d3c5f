// A small RFC 4180 reader for the CSV files a center keeps by hand (`ikigai signup`): fields
// separated by commas, records by CRLF or LF (or a lone CR); a field in double quotes may hold
// commas, line breaks and "" for one quote. A leading BOM is dropped; a last empty line is no
// record. Text outside quotes after a closing quote is kept as it is (lenient, never throws).

/** The records of `text`, each an array of field texts. */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = (): void => { record.push(field); records.push(record); record = []; field = ''; };
  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false; i += 1; continue;
      }
      field += c; i += 1; continue;
    }
    if (c === '"' && field === '') { quoted = true; i += 1; continue; }
    if (c === ',') { record.push(field); field = ''; i += 1; continue; }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c; i += 1;
  }
  // A file that does not end in a line break still has its last record.
  if (field !== '' || record.length > 0 || quoted) endRecord();
  return records;
}

/** One record as RFC 4180 writes it (quotes only where needed), for tests and samples. */
export function csvRecord(fields: readonly string[]): string {
  return fields.map((f) => (/[",\r\n]/.test(f) || f === '' && fields.length === 1 ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}
