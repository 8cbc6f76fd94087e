package vn.dondoc.directive;

/**
 * A directive's process instance was started by an import, inside the import's transaction.
 *
 * @param directiveId the directive's id
 * @param businessKey {@code <document code>/<section>}
 * @param processInstanceId the Camunda process instance
 */
public record DirectiveStarted(long directiveId, String businessKey, String processInstanceId) {
}
