'use strict';

/**
 * dondoc's rules for bpmnlint, the same checks dondoc makes when a model is deployed
 * (vn.dondoc.reminder.ModelPropertyCheck): use "plugin:dondoc/recommended" in .bpmnlintrc.
 */
module.exports = {
  configs: {
    recommended: {
      rules: {
        'known-properties': 'error',
        'reminder-policy': 'error',
        'reminder-steps': 'error',
        'reminder-enabled': 'error',
        'candidate-groups': 'error',
        'deadline-text': 'error'
      }
    }
  }
};
