/*
 * dondoc: Vietnamese for the one English word Camunda writes into a Cockpit template instead of taking it
 * from the locale files: the "Actions" header of the variables table (camunda-commons-ui's
 * cam-widget-variables-table has the word itself in its template, not a translation key, so neither
 * locales/vi.json nor config.js can reach it). The directive's template is rewritten before AngularJS first
 * compiles it, by a config block of the widgets' own module (defined by the time Camunda imports the
 * customScripts listed in config.js, before it starts AngularJS). Only that exact header cell is replaced: a
 * Camunda update that changes it leaves the English word (and CamundaWebappsIT fails), never a broken table.
 */
window.angular.module('camunda.common.widgets').config(['$provide', function ($provide) {
  $provide.decorator('camWidgetVariablesTableDirective', ['$delegate', function (directives) {
    directives.forEach(directive => {
      if (typeof directive.template === 'string') {
        directive.template = directive.template.replace(/(<td class="actions"[^>]*>)\s*Actions\s*</, '$1Thao tác<');
      }
    });
    return directives;
  }]);
}]);
