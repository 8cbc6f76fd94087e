/**
 * dondoc: directive tracking and reminder engine on Camunda 7, Quartz and Spring Mail.
 */
package vn.dondoc;
