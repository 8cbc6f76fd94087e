package vn.dondoc.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names Jakarta Mail's stream provider once, in the system property its lookup reads first.
 * <p>
 * Jakarta Mail 2.1 looks its {@code StreamProvider} up again for every encoder, decoder and multipart it
 * creates, and without the property that lookup is a {@code ServiceLoader} scan of every jar on the class
 * path (jakartaee/mail-api issues 699 and 861). In a burst of 1,000 reminders that scan was 31 % of the
 * node's CPU time (JFR; see BENCHMARKS.md). With the property set, the lookup loads an already loaded
 * class by name. A value set by the operator is kept.
 */
final class MailStreams {

	private static final Logger log = LoggerFactory.getLogger(MailStreams.class);

	static final String PROPERTY = "jakarta.mail.util.StreamProvider";

	/** Angus Mail's provider, the implementation Spring Boot's mail starter brings. */
	static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

	private MailStreams() {
	}

	/** Sets the property to Angus Mail's provider when it is not set and that provider is present. */
	static void pinProvider() {
		if (System.getProperty(PROPERTY) != null) {
			return;
		}
		try {
			Class.forName(ANGUS, false, MailStreams.class.getClassLoader());
		}
		catch (ClassNotFoundException e) {
			log.debug("{} is not on the class path; Jakarta Mail looks its stream provider up itself", ANGUS);
			return;
		}
		if (System.getProperties().putIfAbsent(PROPERTY, ANGUS) == null) {
			log.debug("Jakarta Mail's stream provider: {}", ANGUS);
		}
	}

}
