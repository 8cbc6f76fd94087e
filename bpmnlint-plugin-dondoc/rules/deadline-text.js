'use strict';

const { problem } = require('../lib/deadline');
const { userTaskProperties, isExpression, where } = require('../lib/properties');

/** dondoc.deadline.text reads as a deadline phrase, as vn.dondoc.calendar.DeadlineParser reads it (lib/deadline.js). */
module.exports = function() {
  function check(node, reporter) {
    for (const { name, value } of userTaskProperties(node)) {
      // an empty phrase is no deadline in words: dondoc takes it as such
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
