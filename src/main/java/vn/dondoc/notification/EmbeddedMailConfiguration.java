package vn.dondoc.notification;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no {@code spring.mail.host}, dondoc starts its own SMTP server and sends to it, so that a new user
 * sees real mail without setting anything up. With a host, Spring Boot's mail auto-configuration sends to
 * that relay instead and none of this exists.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailConfiguration.NoRelayConfigured.class)
class EmbeddedMailConfiguration {

	@Bean
	EmbeddedSmtpServer embeddedSmtpServer(MailSettings settings) {
		return new EmbeddedSmtpServer(settings.embeddedPort());
	}

	@Bean
	JavaMailSenderImpl mailSender(EmbeddedSmtpServer server) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(server.port());
		sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
		Properties properties = sender.getJavaMailProperties();
		properties.setProperty("mail.smtp.connectiontimeout", "5000");
		properties.setProperty("mail.smtp.timeout", "10000");
		return sender;
	}

	static class NoRelayConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String host = context.getEnvironment().getProperty("spring.mail.host");
			return host == null || host.isBlank();
		}

	}

}
