/**
 * Drafting directives from a conclusion's own text (Word, PDF or plain text): header, numbering, units,
 * roles and deadlines read by explainable rules into a draft the office corrects and imports.
 */
package vn.dondoc.draft;
