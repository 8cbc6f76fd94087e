'use strict';

// What vn.dondoc.calendar.DeadlineParser accepts as a deadline phrase (dondoc.deadline.text), ported to say
// whether a phrase reads and, if not, why, in the parser's own words. Only the reading is ported: the due date
// is not worked out, except as far as the parser refuses a phrase for it (a date outside its calendar,
// 1900–2100). Plain CommonJS, no dependencies, no file system: it also runs bundled into a Modeler plugin.
// Keep it in step with DeadlineParser and FoldedText: DeadlineLintParityTest runs both on the same phrases.

const FILLERS = ['hoan thanh', 'hoan tat', 'xong', 'thuc hien', 'thoi han', 'han', 'cham nhat', 'la', 'truoc',
  'den', 'toi', 'het', 'trong', 'vong', 'vao', 'ngay', 'ca'];

// Java's "." and "$" (no flags) stop at a line terminator, U+0085 included; JavaScript's do not know U+0085.
const ANY = '[^\\n\\r\\u0085\\u2028\\u2029]';
const YEAR_TAIL = '(?:(?:/|-| nam | )([a-z0-9]+))?';

const SOURCES = {
  ONGOING: '(thuong xuyen|tiep tuc|lien tuc|dinh ky|hang (?:ngay|tuan|thang|quy|nam))'
    + '(?: (?:thuc hien|trien khai|theo doi|chi dao|bao cao))?',
  DATE_NUMERIC: '(\\d{1,2})[/.-](\\d{1,2})(?:[/.-](\\d+))?',
  DATE_WORDS: '(\\d{1,2}) thang (\\d{1,2}|[ivx]+)(?: nam (\\d+))?',
  THIS_QUARTER: '(?:cuoi )?quy(?: nay)?',
  QUARTER: '(?:cuoi )?quy ([a-z0-9]+)' + YEAR_TAIL,
  PART_OF_YEAR: '(?:(\\d{1,2}) thang|(nua)) (dau|cuoi) nam' + YEAR_TAIL,
  POINT_OF_MONTH: '(dau|giua|cuoi) thang ([a-z0-9]+)' + YEAR_TAIL,
  THIS_MONTH: '(?:(dau|giua|cuoi) )?thang(?: nay)?',
  MONTH: 'thang ([a-z0-9]+)' + YEAR_TAIL,
  POINT_OF_YEAR: '(dau|giua|cuoi) nam(?: ([a-z0-9]+))?',
  YEAR: 'nam(?: ([a-z0-9]+))?',
  DURATION: '(\\d+) (ngay lam viec|ngay|tuan|thang|nam)(?: (?:ke tu|tinh tu|tu) (?:ngay )?(' + ANY + '+))?'
};

/** The forms in the order the parser tries them; each must match the whole phrase once fillers are dropped. */
const FORMS = Object.keys(SOURCES).map(name => ({
  name,
  whole: new RegExp('^(?:' + SOURCES[name] + ')$', 'd'),
  anywhere: new RegExp(SOURCES[name], 'gd')
}));

const EVENT = new RegExp('(?<![a-z0-9])(truoc khi|ngay sau khi|sau khi|khi|(?:truoc|tai) (?:ky hop|hoi nghi|phien hop|dai hoi))'
  + ' (' + ANY + '+)(?=\\u0085?$)');
const SIGNING = /^(?:ky|ban hanh|ky ban hanh|ky van ban|ban hanh van ban)(?: (?:van ban|ket luan|thong bao|chi thi|nghi quyet|quyet dinh|ke hoach|cong van))?(?: nay)?$/;
const ROMAN = /^x{0,3}(?:ix|iv|v?i{0,3})$/;
const MAX_INT = 2147483647;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

// ---- FoldedText: lower case, no diacritics, punctuation as single spaces, no spaces around "/" and "-" ----

const PUNCTUATION = ',;:()[]{}"\'“”‘’«»!?…';
const SPACE_LIKE = /^[\p{Zs}\p{Zl}\p{Zp}\t\n\u000B\f\r\u001C-\u001F]$/u;
const MARK = /^\p{Mn}$/u;

/** Character.isWhitespace: as String.strip() and isBlank() see it (no-break spaces are not whitespace). */
function isJavaWhitespace(c) {
  return SPACE_LIKE.test(c) && c !== '\u00A0' && c !== '\u2007' && c !== '\u202F';
}

function strip(text) {
  let from = 0;
  let to = text.length;
  while (from < to && isJavaWhitespace(text[from])) {
    from++;
  }
  while (to > from && isJavaWhitespace(text[to - 1])) {
    to--;
  }
  return text.substring(from, to);
}

function foldChar(c) {
  if (SPACE_LIKE.test(c) || PUNCTUATION.includes(c)) {
    return ' ';
  }
  if (c === '–' || c === '—') {
    return '-';
  }
  if (c === 'đ' || c === 'Đ') {
    return 'd';
  }
  let base = '';
  for (const d of c.normalize('NFD').split('')) {
    if (!MARK.test(d)) {
      base += d.toLowerCase();
    }
  }
  return base;
}

function isJoiner(c) {
  return c === '/' || c === '-';
}

/** The phrase folded for matching, and where each folded character came from. */
function fold(phrase) {
  const original = phrase.normalize('NFC');
  let text = '';
  const origin = [];
  let pendingSpace = false;
  for (let i = 0; i < original.length; i++) {
    for (const c of foldChar(original[i]).split('')) {
      if (c === ' ') {
        pendingSpace = text.length > 0;
        continue;
      }
      if (pendingSpace) {
        if (!isJoiner(text[text.length - 1]) && !isJoiner(c)) {
          origin.push(i);
          text += ' ';
        }
        pendingSpace = false;
      }
      origin.push(i);
      text += c;
    }
  }
  // a full stop ends a sentence, it is not part of a date
  let length = text.length;
  while (length > 0 && text[length - 1] === '.') {
    length--;
  }
  return {
    original,
    text: text.substring(0, length),
    /** The original text behind folded characters [from, to). */
    between(from, to) {
      return from >= to ? '' : strip(original.substring(origin[from], origin[to - 1] + 1));
    },
    /** The original text from folded character from to the end. */
    from(from) {
      const rest = strip(original.substring(origin[from]));
      let end = rest.length;
      while (end > 0 && (rest[end - 1] === '.' || PUNCTUATION.includes(rest[end - 1]))) {
        end--;
      }
      return strip(rest.substring(0, end));
    }
  };
}

// ---- reading ----

class Unreadable extends Error {
  constructor(part, message) {
    super(message);
    this.part = part;
  }
}

/** A date the parser's calendar cannot tell working days of (it throws, and the phrase is refused). */
class OutsideCalendar extends Error {
}

function isDigits(token) {
  return /^[0-9]+$/.test(token);
}

function romanValue(roman) {
  const digit = c => (c === 'i' ? 1 : c === 'v' ? 5 : 10);
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = digit(roman[i]);
    const next = i + 1 < roman.length ? digit(roman[i + 1]) : 0;
    total += value < next ? -value : value;
  }
  return total;
}

function monthLength(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function endOfMonth(year, month) {
  return { year, month, day: monthLength(year, month) };
}

function before(a, b) {
  return a.year * 10000 + a.month * 100 + a.day < b.year * 10000 + b.month * 100 + b.day;
}

function plusDays(date, days) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function plusMonths(date, months) {
  const total = date.year * 12 + date.month - 1 + months;
  const year = Math.floor(total / 12);
  const month = total % 12 + 1;
  return { year, month, day: Math.min(date.day, monthLength(year, month)) };
}

/** The date in Vietnam now (UTC+7 all year). */
function todayInVietnam() {
  const d = new Date(Date.now() + 7 * 3600000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function asDate(today) {
  if (!today) {
    return todayInVietnam();
  }
  if (typeof today === 'string') {
    const [year, month, day] = today.split('-').map(Number);
    return { year, month, day };
  }
  return today;
}

/** One phrase being read against the day it is read on (the issue date, for the parser). */
function reading(phrase, issuedOn) {
  const folded = fold(phrase);
  const text = folded.text;
  let start = 0;
  const dropped = [];
  const whole = () => strip(folded.original);
  const unreadable = (part, message) => new Unreadable(part, message);

  function written(m, group) {
    return folded.between(start + m.indices[group][0], start + m.indices[group][1]);
  }

  function number(m, group, what, max) {
    const token = m[group];
    const w = written(m, group);
    let value;
    if (isDigits(token)) {
      value = token.length > 3 ? MAX_INT : parseInt(token, 10);
    } else if (token && ROMAN.test(token)) {
      value = romanValue(token);
    } else {
      throw unreadable(w, what + ' «' + w + '» không phải là số (viết số Ả Rập hoặc La Mã).');
    }
    if (value < 1 || value > max) {
      const range = what === 'Quý' ? 'một năm chỉ có quý I đến quý IV' : 'chỉ có từ 1 đến ' + max;
      throw unreadable(w, what + ' «' + w + '» không tồn tại: ' + range + '.');
    }
    return value;
  }

  function year(m, group) {
    const token = m[group];
    const w = written(m, group);
    if (!isDigits(token)) {
      throw unreadable(w, 'Không hiểu năm «' + w + '».');
    }
    if (token.length !== 4) {
      throw unreadable(w, 'Năm «' + w + '» phải viết đủ 4 chữ số.');
    }
    const value = parseInt(token, 10);
    if (value < FIRST_YEAR || value > LAST_YEAR) {
      throw unreadable(w, 'Năm ' + value + ' nằm ngoài phạm vi lịch (1900–2100).');
    }
    return value;
  }

  /** The parser's calendar stops at 2100: a date past it cannot be moved off a day off (Điều 148). */
  function dated(date) {
    if (date.year > LAST_YEAR) {
      throw new OutsideCalendar('Lịch chỉ hỗ trợ các năm 1900–2100, không hỗ trợ năm ' + date.year);
    }
    return date;
  }

  function existingDate(m, y, month, day) {
    const length = monthLength(y, month);
    if (day < 1 || day > length) {
      const w = folded.between(m.indices[0][0] + start, m.indices[0][1] + start);
      throw unreadable(w, 'Ngày «' + w + '» không tồn tại: tháng ' + month + (y === 2000 ? '' : ' năm ' + y) + ' có '
        + length + ' ngày.');
    }
    return { year: y, month, day };
  }

  function fixedDate(m) {
    const day = parseInt(m[1], 10);
    const month = number(m, 2, 'Tháng', 12);
    if (m[3] !== undefined) {
      return dated(existingDate(m, year(m, 3), month, day));
    }
    existingDate(m, 2000, month, day); // 2000 is a leap year: only 30/2, 31/4 … fail here
    for (let y = issuedOn.year; ; y++) {
      if (day <= monthLength(y, month)) {
        const date = { year: y, month, day };
        if (!before(date, issuedOn)) {
          return dated(date);
        }
      }
    }
  }

  function duration(m) {
    const anchor = m[3];
    if (anchor !== undefined && !SIGNING.test(anchor)) {
      const w = folded.between(start + m.indices[3][0], text.length);
      throw unreadable(w, 'Không rõ mốc tính «' + w + '»: chỉ tính được thời hạn kể từ ngày ký, ban hành văn bản.');
    }
    const count = m[1].replace(/^0+(?=\d)/, '').length > 10 ? Infinity : parseInt(m[1], 10);
    if (count < 1 || count > 3660) {
      throw unreadable(written(m, 1), 'Số «' + m[1] + '» không hợp lệ cho một thời hạn.');
    }
    switch (m[2]) {
      case 'ngay lam viec': {
        // counted over weekdays only: the holidays make it later still, which matters only near 2100
        let date = issuedOn;
        for (let left = count; left > 0;) {
          date = plusDays(date, 1);
          const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
          if (weekday !== 0 && weekday !== 6) {
            left--;
          }
        }
        return dated(date);
      }
      case 'ngay': return dated(plusDays(issuedOn, count));
      case 'tuan': return dated(plusDays(issuedOn, 7 * count));
      case 'thang': return dated(plusMonths(issuedOn, count));
      default: return dated(plusMonths(issuedOn, 12 * count));
    }
  }

  /** A period whose year may be written (group) or left to the issue date. */
  function periodEnd(m, group, dateOfYear) {
    const yearText = m[group];
    if (yearText !== undefined && yearText !== 'nay' && yearText !== 'sau' && yearText !== 'toi') {
      return dated(dateOfYear(year(m, group)));
    }
    if (yearText !== undefined) {
      return dated(dateOfYear(yearText === 'nay' ? issuedOn.year : issuedOn.year + 1));
    }
    let date = dateOfYear(issuedOn.year);
    if (before(date, issuedOn)) {
      date = dateOfYear(issuedOn.year + 1);
    }
    return dated(date);
  }

  function pointInMonth(point, y, month) {
    return point === 'dau' ? { year: y, month, day: 1 } : point === 'giua' ? { year: y, month, day: 15 }
      : endOfMonth(y, month);
  }

  function build(form, m) {
    switch (form) {
      case 'ONGOING':
        return 'ONGOING';
      case 'DATE_NUMERIC':
      case 'DATE_WORDS':
        fixedDate(m);
        return 'FIXED_DATE';
      case 'DURATION':
        duration(m);
        return m[2] === 'ngay lam viec' ? 'WORKING_DAYS' : 'CALENDAR_DAYS';
      default:
    }
    if (dropped.includes('truoc') && (['QUARTER', 'THIS_QUARTER', 'MONTH', 'YEAR', 'PART_OF_YEAR'].includes(form)
        || form === 'THIS_MONTH' && m[1] === undefined)) {
      // "trước quý III" could mean the end of quý II or of quý III: ask for a date
      throw unreadable(folded.original, '«' + whole() + '» không rõ là trước khi kỳ đó bắt đầu hay'
        + ' trước khi kỳ đó kết thúc: hãy ghi ngày cụ thể hoặc «trong …».');
    }
    switch (form) {
      case 'THIS_QUARTER':
        dated(endOfMonth(issuedOn.year, Math.floor((issuedOn.month - 1) / 3) * 3 + 3));
        break;
      case 'QUARTER': {
        const quarter = number(m, 1, 'Quý', 4);
        periodEnd(m, 2, y => endOfMonth(y, quarter * 3));
        break;
      }
      case 'PART_OF_YEAR': {
        const months = m[2] !== undefined ? 6 : number(m, 1, 'Số tháng', 12);
        const first = m[3] === 'dau';
        periodEnd(m, 4, y => (first ? endOfMonth(y, months) : { year: y, month: 12, day: 31 }));
        break;
      }
      case 'POINT_OF_MONTH': {
        const month = number(m, 2, 'Tháng', 12);
        periodEnd(m, 3, y => pointInMonth(m[1], y, month));
        break;
      }
      case 'THIS_MONTH': {
        const point = m[1] === undefined ? 'cuoi' : m[1];
        let date = pointInMonth(point, issuedOn.year, issuedOn.month);
        if (point !== 'cuoi' && before(date, issuedOn)) {
          const next = plusMonths({ year: issuedOn.year, month: issuedOn.month, day: 1 }, 1);
          date = pointInMonth(point, next.year, next.month);
        }
        dated(date);
        break;
      }
      case 'MONTH': {
        const month = number(m, 1, 'Tháng', 12);
        periodEnd(m, 2, y => endOfMonth(y, month));
        break;
      }
      case 'POINT_OF_YEAR': {
        const point = m[1];
        periodEnd(m, 2, y => (point === 'dau' ? { year: y, month: 1, day: 1 } : point === 'giua'
          ? { year: y, month: 6, day: 30 } : { year: y, month: 12, day: 31 }));
        break;
      }
      default: // YEAR
        periodEnd(m, 1, y => ({ year: y, month: 12, day: 31 }));
    }
    return 'END_OF_PERIOD';
  }

  function onlyFillers(prefix) {
    let rest = strip(prefix);
    let again = true;
    while (again && rest) {
      again = false;
      for (const filler of FILLERS) {
        if (rest === filler || rest.startsWith(filler + ' ')) {
          rest = strip(rest.substring(filler.length));
          again = true;
          break;
        }
      }
    }
    return !rest;
  }

  function dropFillers() {
    let again = true;
    while (again) {
      again = false;
      for (const filler of FILLERS) {
        if (text.startsWith(filler + ' ', start)) {
          dropped.push(filler);
          start += filler.length + 1;
          again = true;
          break;
        }
      }
    }
  }

  function trimTrailingFillers(piece) {
    let result = strip(piece);
    let again = true;
    while (again && result) {
      again = false;
      for (const filler of FILLERS) {
        if (result === filler || result.endsWith(' ' + filler)) {
          result = strip(result.substring(0, result.length - filler.length));
          again = true;
          break;
        }
      }
    }
    return result;
  }

  /** Finds the longest recognisable part to say precisely what was not understood. */
  function diagnose(rest) {
    let bestStart = -1;
    let bestEnd = -1;
    for (const form of FORMS) {
      form.anywhere.lastIndex = 0;
      let m;
      while ((m = form.anywhere.exec(rest))) {
        const from = m.index;
        const to = m.index + m[0].length;
        const wordStart = from === 0 || rest[from - 1] === ' ';
        const wordEnd = to === rest.length || rest[to] === ' ';
        if (wordStart && wordEnd && to - from > bestEnd - bestStart) {
          bestStart = from;
          bestEnd = to;
        }
      }
    }
    if (bestStart < 0) {
      return unreadable(folded.original, 'Không hiểu thời hạn «' + whole()
        + '»: không nhận ra ngày, tháng, quý, năm hay số ngày nào.');
    }
    const parts = [];
    const head = trimTrailingFillers(rest.substring(0, bestStart));
    if (head) {
      parts.push(folded.between(start, start + head.length));
    }
    if (bestEnd < rest.length) {
      parts.push(folded.between(start + bestEnd, text.length));
    }
    const unread = parts.join(' … ');
    return unreadable(unread, 'Không hiểu phần «' + unread + '» trong thời hạn «' + whole() + '».');
  }

  function resolve() {
    const event = EVENT.exec(text);
    if (event && onlyFillers(text.substring(0, event.index))) {
      return 'EVENT';
    }
    dropFillers();
    const rest = text.substring(start);
    if (!rest) {
      throw unreadable(folded.original, 'Không thấy mốc thời gian nào trong «' + whole() + '».');
    }
    for (const form of FORMS) {
      const m = form.whole.exec(rest);
      if (m) {
        return build(form.name, m);
      }
    }
    throw diagnose(rest);
  }

  return { resolve };
}

/**
 * Reads a deadline phrase as DeadlineParser does on the given day (default: today in Vietnam; 'YYYY-MM-DD' or
 * { year, month, day }). Returns { readable: true, kind } with the DeadlineKind it reads as (FIXED_DATE,
 * END_OF_PERIOD, WORKING_DAYS, CALENDAR_DAYS, ONGOING, EVENT), or { readable: false, unreadable, message }: the
 * part not understood and the parser's message, in Vietnamese.
 */
function read(phrase, today) {
  const issuedOn = asDate(today);
  if (phrase == null || !strip(String(phrase))) {
    return { readable: false, unreadable: '', message: 'Thời hạn để trống.' };
  }
  try {
    return { readable: true, kind: reading(String(phrase), issuedOn).resolve() };
  } catch (e) {
    if (e instanceof Unreadable) {
      return { readable: false, unreadable: e.part, message: e.message };
    }
    if (e instanceof OutsideCalendar) {
      const written = strip(String(phrase));
      return { readable: false, unreadable: written, message: 'Không tính được thời hạn «' + written + '»: ' + e.message };
    }
    throw e;
  }
}

/** Why a phrase does not read as a deadline, or null when it does. */
function problem(phrase, today) {
  const verdict = read(phrase, today);
  return verdict.readable ? null : verdict.message;
}

module.exports = { read, problem, strip };
