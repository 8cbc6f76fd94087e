/**
 * The Camunda glue of {@code bpmn/directive.bpmn}: listeners and delegates that the model names by class,
 * and the rules of one lead unit's part they apply. Internal to the workflow feature: other features use
 * {@link vn.dondoc.workflow.DirectiveLifecycle}.
 */
package vn.dondoc.workflow.lifecycle;
