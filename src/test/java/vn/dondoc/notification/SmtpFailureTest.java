package vn.dondoc.notification;

import java.net.ConnectException;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpFailureTest {

	private static final InternetAddress ADDRESS = address("khong-ton-tai@thanhuy-haiphong.example");

	@Test
	void a5xxReplyToARecipientIsFinalAndKeepsTheServersAnswer() {
		SMTPAddressFailedException refused = new SMTPAddressFailedException(ADDRESS, "RCPT TO:<" + ADDRESS.getAddress() + ">",
				550, "550 5.1.1 <khong-ton-tai@thanhuy-haiphong.example>: Recipient address rejected: User unknown");
		SendFailedException failure = new SendFailedException("Invalid Addresses", refused, new Address[0],
				new Address[0], new Address[] { ADDRESS });

		SmtpFailure classified = SmtpFailure.of(failure);

		assertThat(classified.permanent()).isTrue();
		assertThat(classified.answer()).startsWith("550 5.1.1").contains("User unknown");
	}

	@Test
	void a4xxReplyIsWorthAnotherTry() {
		SMTPAddressFailedException busy = new SMTPAddressFailedException(ADDRESS, "RCPT TO", 451,
				"451 4.3.0 Temporary local problem, try again later");
		SmtpFailure classified = SmtpFailure.of(new SendFailedException("Invalid Addresses", busy));
		assertThat(classified.permanent()).isFalse();
		assertThat(classified.answer()).startsWith("451 4.3.0");
	}

	@Test
	void aMessageRefusedAfterDataWith554IsFinal() {
		SMTPSendFailedException refused = new SMTPSendFailedException("DATA", 554, "554 5.7.1 Message rejected", null,
				new Address[0], new Address[0], new Address[0]);
		assertThat(SmtpFailure.of(refused).permanent()).isTrue();
	}

	@Test
	void noServerAtAllIsWorthAnotherTry() {
		MessagingException refused = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525",
				new ConnectException("Connection refused"));
		SmtpFailure classified = SmtpFailure.of(refused);
		assertThat(classified.permanent()).isFalse();
		assertThat(classified.answer()).contains("Couldn't connect").contains("Connection refused");
	}

	@Test
	void anAddressThatIsNoAddressIsFinal() {
		assertThat(SmtpFailure.of(new AddressException("Missing final '@domain'", "ban-to-chuc")).permanent()).isTrue();
	}

	private static InternetAddress address(String address) {
		try {
			return new InternetAddress(address);
		}
		catch (AddressException e) {
			throw new IllegalStateException(e);
		}
	}

}
