/**
 * The BPMN models of {@code bpmn/}: deployed at start-up, changed ones only, with a readable error for a
 * model that does not parse.
 */
package vn.dondoc.workflow;
