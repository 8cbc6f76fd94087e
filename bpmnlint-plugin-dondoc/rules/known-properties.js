'use strict';

const { KNOWN, userTaskProperties, where } = require('../lib/properties');

/** A dondoc.* property name dondoc does not read is a typo: dondoc refuses the deployment. */
module.exports = function() {
  function check(node, reporter) {
    for (const { name } of userTaskProperties(node)) {
      if (name.startsWith('dondoc.') && !KNOWN.includes(name)) {
        reporter.report(node.id, where(node) + ': «' + name + '» không phải thuộc tính dondoc nào (các thuộc tính: ' + KNOWN.join(', ') + ')');
      }
    }
  }
  return { check };
};
