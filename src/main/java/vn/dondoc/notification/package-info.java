/**
 * E-mail: the sender settings and, when no SMTP relay is configured, an embedded SMTP server whose
 * received mail can be read back.
 */
package vn.dondoc.notification;
