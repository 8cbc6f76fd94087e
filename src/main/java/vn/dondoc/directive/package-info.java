/**
 * Documents of directives: their format, whole-document validation, import into one Camunda process
 * instance per directive, and status (trong hạn, sắp đến hạn, quá hạn…) per lead unit.
 */
package vn.dondoc.directive;
