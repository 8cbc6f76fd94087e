'use strict';

const { problems } = require('../lib/steps');
const { userTaskProperties, isExpression, where } = require('../lib/properties');

/** dondoc.reminder.steps reads: "id | when | MESSAGE | AUDIENCE [| every | times]", separated by ";". */
module.exports = function() {
  function check(node, reporter) {
    for (const { name, value } of userTaskProperties(node)) {
      if (name !== 'dondoc.reminder.steps' || isExpression(value)) {
        continue;
      }
      const found = problems(value);
      if (found.length) {
        reporter.report(node.id, where(node) + ': dondoc.reminder.steps = «' + value + '» không đọc được: ' + found.join('; '));
      }
    }
  }
  return { check };
};
