/**
 * E-mail notifications: an outbox written in the caller's transaction, a dispatcher that delivers it over
 * SMTP with retries and dead letters, Vietnamese templates with calendar files, and the embedded SMTP
 * server with its mailbox page.
 */
package vn.dondoc.notification;
