/**
 * The reminder engine: a ladder of reminder and escalation steps around the due date of every open user
 * task, in any process, fired by Quartz at working moments in Vietnam.
 */
package vn.dondoc.reminder;
