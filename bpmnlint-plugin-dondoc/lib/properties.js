'use strict';

const { is } = require('bpmnlint-utils');

/** The dondoc.* names dondoc reads (ModelPropertyCheck.KNOWN). */
const KNOWN = ['dondoc.deadline.text', 'dondoc.reminder.enabled', 'dondoc.reminder.policy', 'dondoc.reminder.steps'];

/**
 * The camunda:property entries of a user task, as [{ name, value, raw }] (name and value trimmed, raw as written);
 * [] for anything else.
 */
function userTaskProperties(node) {
  if (!is(node, 'bpmn:UserTask')) {
    return [];
  }
  const extensions = (node.extensionElements && node.extensionElements.values) || [];
  const found = [];
  for (const extension of extensions) {
    if (extension.$type === 'camunda:Properties') {
      for (const property of extension.values || []) {
        if (property.name) {
          const raw = property.value == null ? '' : String(property.value);
          found.push({ name: property.name.trim(), value: raw.trim(), raw });
        }
      }
    }
  }
  return found;
}

function isExpression(value) {
  return value.includes('${') || value.includes('#{');
}

/** Where, as dondoc's deployment check says it. */
function where(node) {
  return 'phần tử «' + node.id + '»' + (node.name ? ' («' + node.name + '»)' : '');
}

module.exports = { KNOWN, userTaskProperties, isExpression, where };
