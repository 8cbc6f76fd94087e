/**
 * The pages dondoc serves itself.
 */
package vn.dondoc.web;
