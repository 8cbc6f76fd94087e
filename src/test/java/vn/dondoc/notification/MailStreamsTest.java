package vn.dondoc.notification;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailStreamsTest {

	@Test
	void namesAngusMailsProviderSoThatJakartaMailNeedNotScanTheClassPath() {
		String before = System.getProperty(MailStreams.PROPERTY);
		try {
			System.clearProperty(MailStreams.PROPERTY);
			MailStreams.pinProvider();
			assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreams.ANGUS);
			// the provider Jakarta Mail then uses is the one it would have found by scanning
			assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailStreams.ANGUS);
		}
		finally {
			restore(before);
		}
	}

	@Test
	void keepsTheOperatorsChoice() {
		String before = System.getProperty(MailStreams.PROPERTY);
		try {
			System.setProperty(MailStreams.PROPERTY, "example.TheirStreamProvider");
			MailStreams.pinProvider();
			assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("example.TheirStreamProvider");
		}
		finally {
			restore(before);
		}
	}

	private static void restore(String value) {
		if (value == null) {
			System.clearProperty(MailStreams.PROPERTY);
		}
		else {
			System.setProperty(MailStreams.PROPERTY, value);
		}
	}

}
