package vn.dondoc.directive;

/**
 * A document was imported (or re-imported), published after its transaction committed.
 *
 * @param code the document code
 * @param started directives started by this import
 * @param updated directives whose text or deadline changed
 * @param unchanged directives left as they were
 */
public record DocumentImported(String code, int started, int updated, int unchanged) {
}
