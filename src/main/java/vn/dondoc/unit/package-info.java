/**
 * The directory of units (ban, đảng đoàn, quận ủy…) that directives are handed to, read from
 * {@code config/units.yml} and mirrored as Camunda groups.
 */
package vn.dondoc.unit;
