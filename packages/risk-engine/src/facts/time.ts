/**
 * Fast parser for the ISO 8601 date-times the consignment schema accepts (`YYYY-MM-DDTHH:MM[:SS[.fff]]` with
 * `Z` or a `±HH:MM` offset). Filing deadlines are computed for every screened consignment; `Date.parse` costs
 * about ten times as much as this, and anything unusual still falls back to it.
 */
export function parseIsoMillis(text: string): number {
  const n = text.length;
  if (n < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58) {
    return Date.parse(text);
  }
  const century = two(text, 0);
  const yy = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (
    century < 0 ||
    yy < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    text.charCodeAt(10) !== 84 /* T */
  ) {
    return Date.parse(text);
  }
  const year = century * 100 + yy;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    second = two(text, i + 1);
    if (second < 0 || second > 59) return Date.parse(text);
    i += 3;
    if (text.charCodeAt(i) === 46) {
      i++;
      let scale = 100;
      while (i < n) {
        const d = text.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        millis += d * scale;
        scale /= 10;
        i++;
      }
      millis = Math.floor(millis);
    }
  }
  let offsetMinutes = 0;
  const sign = text.charCodeAt(i);
  if (sign === 90 /* Z */ && i === n - 1) {
    offsetMinutes = 0;
  } else if ((sign === 43 || sign === 45) && i + 6 === n && text.charCodeAt(i + 3) === 58) {
    const oh = two(text, i + 1);
    const om = two(text, i + 4);
    if (oh < 0 || om < 0) return Date.parse(text);
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return Date.parse(text);
  }
  if (day > 28 && day > daysInMonth(year, month)) return Number.NaN;
  // The timestamps of one consignment, and of consecutive ones, mostly fall in the same month.
  const key = year * 16 + month;
  if (key !== monthKey) {
    monthKey = key;
    monthStart = daysFromCivil(year, month, 1);
  }
  const days = monthStart + day - 1;
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

let monthKey = -1;
let monthStart = 0;

/** Two decimal digits at `at`, or -1. */
function two(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
