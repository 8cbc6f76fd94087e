/*
 * dondoc: Vietnamese month and weekday names, and weeks from Monday, for AngularJS's $locale, which the
 * date pickers use (due date, follow-up date, job due dates). Every other date comes from moment.js with
 * locales/vi.json. config.js lists this file under customScripts, and Camunda imports those before it
 * starts AngularJS, so the config block below is in place when the app's injector is built. Only names
 * change: number formats and AM/PM stay as they are, since Camunda parses them.
 */
const months = Array.from({ length: 12 }, (_, i) => `tháng ${i + 1}`);

window.angular.module('ngLocale').config(['$provide', function ($provide) {
  $provide.decorator('$locale', ['$delegate', function ($locale) {
    Object.assign($locale.DATETIME_FORMATS, {
      MONTH: months,
      STANDALONEMONTH: months.map(month => month.charAt(0).toUpperCase() + month.slice(1)),
      SHORTMONTH: Array.from({ length: 12 }, (_, i) => `thg ${i + 1}`),
      DAY: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
      SHORTDAY: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
      FIRSTDAYOFWEEK: 0
    });
    return $locale;
  }]);
}]);
