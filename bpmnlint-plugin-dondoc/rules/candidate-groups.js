'use strict';

const { is } = require('bpmnlint-utils');
const { load } = require('../lib/config');
const { isExpression, where } = require('../lib/properties');

const BUILT_IN = ['tracking-office', 'camunda-admin'];

/** A literal candidate group of a user task is a unit code or a group of config/units.yml, tracking-office or camunda-admin. */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    const groups = node.get ? node.get('camunda:candidateGroups') : node.candidateGroups;
    if (!groups || !groups.trim() || isExpression(groups)) {
      return;
    }
    const config = load();
    for (const group of groups.split(',')) {
      const code = group.trim();
      const bare = code.startsWith('@') ? code.slice(1) : code;
      if (code && !config.units.includes(code) && !config.groups.includes(bare) && !BUILT_IN.includes(code)) {
        reporter.report(node.id, where(node) + ': camunda:candidateGroups = «' + groups + '»: «' + code
          + '» không phải mã đơn vị trong units.yml, nhóm đơn vị hay nhóm tracking-office');
      }
    }
  }
  return { check };
};
