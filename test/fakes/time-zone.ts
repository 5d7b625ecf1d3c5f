// Time-zone arithmetic for the fakes (the spreadsheet's zone, Utilities.formatDate), done with
// Intl so it is independent of the process TZ the test runs in.

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: string }

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      second: 'numeric', weekday: 'short', hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function zonedParts(instant: number, timeZone: string): Parts {
  const parts = formatter(timeZone).formatToParts(new Date(instant));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '0';
  return {
    year: Number(get('year')), month: Number(get('month')), day: Number(get('day')),
    hour: Number(get('hour')), minute: Number(get('minute')), second: Number(get('second')), weekday: get('weekday'),
  };
}

/** Minutes east of UTC of `timeZone` at `instant` (Tokyo: +540). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60000);
}

/** The instant of a wall-clock time in `timeZone` (month 1-based). */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let instant = wall - offsetMinutes(wall, timeZone) * 60000;
  // A second pass settles days when the zone changes its offset (summer time) near the instant.
  instant = wall - offsetMinutes(instant, timeZone) * 60000;
  return instant;
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** Utilities.formatDate's SimpleDateFormat patterns: y M d H h m s S E a Z X and 'quoted' text. */
export function formatDate(date: Date, timeZone: string, pattern: string, fail: (msg: string) => Error): string {
  const ms = date.getTime();
  const p = zonedParts(ms, timeZone);
  const off = offsetMinutes(ms, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) { out += "'"; i += 2; continue; }
      if (end < 0) throw fail(`Invalid argument: ${pattern}`);
      out += pattern.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) { out += ch; i += 1; continue; }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    const sign = off >= 0 ? '+' : '-';
    switch (ch) {
      case 'y': out += n === 2 ? pad(p.year % 100) : pad(p.year, n); break;
      case 'M': out += pad(p.month, n); break;
      case 'd': out += pad(p.day, n); break;
      case 'H': out += pad(p.hour, n); break;
      case 'h': out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n); break;
      case 'm': out += pad(p.minute, n); break;
      case 's': out += pad(p.second, n); break;
      case 'S': out += pad(((ms % 1000) + 1000) % 1000, 3).slice(0, Math.max(n, 3)); break;
      case 'E': out += p.weekday; break;
      case 'a': out += p.hour < 12 ? 'AM' : 'PM'; break;
      case 'Z': out += `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`; break;
      case 'X': out += off === 0 ? 'Z' : `${sign}${pad(Math.floor(Math.abs(off) / 60))}${n >= 3 ? ':' : ''}${pad(Math.abs(off) % 60)}`; break;
      default: throw fail(`Invalid argument: ${pattern}`);
    }
  }
  return out;
}
