'use strict';

const { problem, strip } = require('../lib/deadline');
const { userTaskProperties, isExpression, where } = require('../lib/properties');

/** dondoc.deadline.text reads as a deadline phrase, as vn.dondoc.calendar.DeadlineParser reads it (lib/deadline.js). */
module.exports = function() {
  function check(node, reporter) {
    for (const { name, raw } of userTaskProperties(node)) {
      // stripped as Java strips (a no-break space stays, and does not read); an empty phrase is no deadline in words
      const value = strip(raw);
      if (name !== 'dondoc.deadline.text' || !value || isExpression(value)) {
        continue;
      }
      const why = problem(value);
      if (why) {
        reporter.report(node.id, where(node) + ': dondoc.deadline.text = «' + value + '» không đọc được thành thời hạn: ' + why);
      }
    }
  }
  return { check };
};
