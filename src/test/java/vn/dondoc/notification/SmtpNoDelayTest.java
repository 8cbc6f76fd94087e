package vn.dondoc.notification;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import javax.net.SocketFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpNoDelayTest {

	@Test
	void plainAndStartTlsConnectionsGetSocketsWithoutNagleDelay() throws Exception {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.starttls.enable", "true");
		assertThat(SmtpNoDelay.apply("smtp", properties)).isTrue();
		SocketFactory factory = (SocketFactory) properties.get(SmtpNoDelay.SOCKET_FACTORY);
		try (Socket socket = factory.createSocket()) {
			assertThat(socket.getTcpNoDelay()).isTrue();
		}
		// once is enough: a second pass keeps the factory it finds
		assertThat(SmtpNoDelay.apply("smtp", properties)).isFalse();
		assertThat(properties.get(SmtpNoDelay.SOCKET_FACTORY)).isSameAs(factory);
	}

	@Test
	void sslFromTheStartAndFactoriesOfTheOperatorAreLeftAsConfigured() {
		Properties ssl = new Properties();
		ssl.setProperty("mail.smtp.ssl.enable", "true");
		assertThat(SmtpNoDelay.apply("smtp", ssl)).isFalse();
		assertThat(SmtpNoDelay.apply("smtps", new Properties())).isFalse();
		Properties own = new Properties();
		own.setProperty(SmtpNoDelay.SOCKET_FACTORY + ".class", "example.TheirFactory");
		assertThat(SmtpNoDelay.apply("smtp", own)).isFalse();
		assertThat(ssl).doesNotContainKey(SmtpNoDelay.SOCKET_FACTORY);
		assertThat(own).doesNotContainKey(SmtpNoDelay.SOCKET_FACTORY);
	}

	@Test
	void aSenderWithTheFactoryDeliversToARealSmtpServer() throws Exception {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		try {
			JavaMailSenderImpl sender = new JavaMailSenderImpl();
			sender.setHost("127.0.0.1");
			sender.setPort(server.getSmtp().getPort());
			sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
			assertThat(new SmtpNoDelay().postProcessAfterInitialization(sender, "mailSender")).isSameAs(sender);
			assertThat(sender.getJavaMailProperties().get(SmtpNoDelay.SOCKET_FACTORY)).isNotNull();

			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom("dondoc@thanhuy-haiphong.example");
			message.setTo("ban-to-chuc@thanhuy-haiphong.example");
			message.setSubject("Nhắc hạn: báo cáo quý II");
			message.setText("Đề nghị Ban Tổ chức Thành ủy báo cáo trước ngày 30/06/2023.");
			sender.send(message);

			assertThat(server.getReceivedMessages()).singleElement()
				.satisfies(received -> assertThat(received.getSubject()).isEqualTo("Nhắc hạn: báo cáo quý II"))
				.satisfies(received -> assertThat(GreenMailUtil.getBody(received)).isNotBlank());
		}
		finally {
			server.stop();
		}
	}

}
