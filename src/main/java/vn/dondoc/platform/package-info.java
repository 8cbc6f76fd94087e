/**
 * The shared ground every feature stands on: one database (Flyway, Quartz tables), the data folder and
 * the start-up report.
 */
package vn.dondoc.platform;
