'use strict';

const { userTaskProperties, isExpression, where } = require('../lib/properties');

/** dondoc.reminder.enabled is true or false. */
module.exports = function() {
  function check(node, reporter) {
    for (const { name, value } of userTaskProperties(node)) {
      if (name === 'dondoc.reminder.enabled' && !isExpression(value) && !/^(true|false)$/i.test(value)) {
        reporter.report(node.id, where(node) + ': dondoc.reminder.enabled = «' + value + '» phải là true hoặc false');
      }
    }
  }
  return { check };
};
