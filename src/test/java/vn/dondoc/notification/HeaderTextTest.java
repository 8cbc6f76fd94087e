package vn.dondoc.notification;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderTextTest {

	@Test
	void keepsEverySubjectOnOneLine() {
		assertThat(HeaderText.subject("Nhắc hạn: Kế hoạch\r\nBcc: evil@attacker.example\u2028x\ty"))
			.isEqualTo("Nhắc hạn: Kế hoạch Bcc: evil@attacker.example x y")
			.doesNotContain("\r", "\n");
	}

	@Test
	void shortensLongSubjectsAtAWordWithAnEllipsis() {
		String subject = HeaderText.subject("Nhắc hạn " + "rất dài ".repeat(60));
		assertThat(subject).hasSizeLessThanOrEqualTo(HeaderText.MAX_SUBJECT).endsWith("…");
	}

	@Test
	void refusesAddressesWithLineBreaks() {
		assertThatThrownBy(() -> HeaderText.address("ban-to-chuc@thanhuy-haiphong.example\r\nBcc: evil@attacker.example"))
			.isInstanceOf(HeaderText.RejectedAddressException.class)
			.hasMessageContaining("\\r\\n");
	}

	@Test
	void refusesWhatIsNotOneAddress() {
		assertThatThrownBy(() -> HeaderText.address("not an address")).isInstanceOf(HeaderText.RejectedAddressException.class);
		assertThatThrownBy(() -> HeaderText.address("a@b.example, c@d.example"))
			.isInstanceOf(HeaderText.RejectedAddressException.class);
	}

	@Test
	void keepsVietnameseDisplayNamesEncodedAsUtf8() throws Exception {
		InternetAddress address = HeaderText.address("\"Ban Tổ chức Thành ủy\" <ban-to-chuc@thanhuy-haiphong.example>");
		assertThat(address.getAddress()).isEqualTo("ban-to-chuc@thanhuy-haiphong.example");
		assertThat(address.getPersonal()).isEqualTo("Ban Tổ chức Thành ủy");
		assertThat(address.toString()).startsWith("=?UTF-8?").doesNotContain("\n");
	}

}
