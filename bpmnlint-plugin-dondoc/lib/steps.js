'use strict';

// The syntax of dondoc.reminder.steps, as vn.dondoc.reminder.ReminderPolicies.compactSteps and StepSyntax read it.

const ON_THE_DAY = /^(on the day|dung han|vao ngay (den )?han|ngay (den )?han|0)$/;
const OFFSET = /^(\d{1,3}) (working days?|days?|ngay lam viec|ngay) (before|truoc|after|sau)( han)?$/;
const EVERY = /^(?:every|moi) (\d{1,3}) (working days?|days?|ngay lam viec|ngay)$/;
const MESSAGES = ['REMINDER', 'DUE_SOON', 'DUE_TODAY', 'OVERDUE', 'ESCALATION'];
const AUDIENCES = ['UNIT', 'UNIT_AND_HEAD', 'ESCALATION', 'ESCALATION_AND_TOP'];

function fold(text) {
  return text.trim().toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ');
}

/** { working } of a 'when', or null when it does not read. */
function when(text) {
  const folded = fold(text);
  if (ON_THE_DAY.test(folded)) {
    return { working: true };
  }
  const m = OFFSET.exec(folded);
  return m ? { working: m[2].includes('working') || m[2].includes('lam viec') } : null;
}

function every(text) {
  const m = EVERY.exec(fold(text));
  return m ? { working: m[2].includes('working') || m[2].includes('lam viec') } : null;
}

/** Every problem of a steps value, [] when it reads. */
function problems(text) {
  const found = [];
  const ids = new Set();
  text.split(';').forEach((entry, i) => {
    if (!entry.trim()) {
      return;
    }
    const at = 'bước ' + (i + 1);
    const parts = entry.split('|');
    if (parts.length !== 4 && parts.length !== 6) {
      found.push(at + ': viết «id | khi nào | MESSAGE | AUDIENCE» hoặc «id | khi nào | MESSAGE | AUDIENCE | lặp lại | số lần»');
      return;
    }
    const id = parts[0].trim();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      found.push(at + ': id «' + id + '» chỉ gồm chữ thường không dấu, chữ số và «-»');
    } else if (ids.has(id)) {
      found.push(at + ': id «' + id + '» dùng hai lần');
    }
    ids.add(id);
    const offset = when(parts[1]);
    if (!offset) {
      found.push(at + ': không đọc được «' + parts[1].trim() + '»; viết ví dụ «3 ngày làm việc trước hạn», «đúng hạn», «1 ngày làm việc sau hạn»');
    }
    const message = parts[2].trim().toUpperCase();
    if (!MESSAGES.includes(message)) {
      found.push(at + ': «' + parts[2].trim() + '» không phải một trong ' + MESSAGES.join(', '));
    }
    const audience = parts[3].trim().toUpperCase();
    if (!AUDIENCES.includes(audience)) {
      found.push(at + ': «' + parts[3].trim() + '» không phải một trong ' + AUDIENCES.join(', '));
    }
    if (parts.length === 6) {
      const repeat = every(parts[4]);
      if (!repeat) {
        found.push(at + ': không đọc được «' + parts[4].trim() + '»; viết ví dụ «mỗi 2 ngày làm việc»');
      } else if (offset && repeat.working !== offset.working) {
        found.push(at + ': đếm lần lặp bằng cùng loại ngày như «khi nào» (ngày làm việc hoặc ngày thường)');
      }
      const times = parts[5].trim();
      if (!/^\d+$/.test(times) || Number(times) < 1 || Number(times) > 100) {
        found.push(at + ': số lần «' + times + '» phải là số nguyên từ 1 đến 100');
      }
    }
  });
  return found;
}

module.exports = { problems, when, every };
