/**
 * Who may do what: the admin account, HTTP Basic on {@code /api} and {@code /engine-rest}, and users
 * checked against Camunda's identity service so that one account works in dondoc and in Tasklist.
 */
package vn.dondoc.security;
