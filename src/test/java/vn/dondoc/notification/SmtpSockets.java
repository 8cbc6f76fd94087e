package vn.dondoc.notification;

import java.util.Properties;

/** dondoc's SMTP socket settings ({@link SmtpNoDelay}) for a plain JavaMail client outside this package. */
public final class SmtpSockets {

	private SmtpSockets() {
	}

	/** Gives a plain {@code smtp} session the socket factory dondoc's own sender uses. */
	public static void noDelay(Properties session) {
		SmtpNoDelay.apply("smtp", session);
	}

}
