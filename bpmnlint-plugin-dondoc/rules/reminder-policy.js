'use strict';

const { load } = require('../lib/config');
const { userTaskProperties, isExpression, where } = require('../lib/properties');

/** dondoc.reminder.policy names a policy of config/reminder-policy.yml (or "default"). */
module.exports = function() {
  function check(node, reporter) {
    for (const { name, value } of userTaskProperties(node)) {
      if (name !== 'dondoc.reminder.policy' || isExpression(value)) {
        continue;
      }
      const policies = load().policies;
      if (!value) {
        reporter.report(node.id, where(node) + ': dondoc.reminder.policy để trống; ghi tên một chính sách hoặc bỏ thuộc tính');
      } else if (value !== 'default' && !policies.includes(value)) {
        reporter.report(node.id, where(node) + ': dondoc.reminder.policy = «' + value
          + '» không phải chính sách nhắc hạn nào trong reminder-policy.yml; các chính sách: ' + policies.join(', '));
      }
    }
  }
  return { check };
};
