package vn.dondoc.notification;

/** The outbox on the embedded default: H2. */
@NotificationIT
class OutboxOnH2IT extends OutboxChecks {

}
