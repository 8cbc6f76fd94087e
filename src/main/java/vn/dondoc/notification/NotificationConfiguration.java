package vn.dondoc.notification;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.calendar.VietnamCalendar;

/** Wires the outbox, the dispatcher and the templates; the one public bean is {@link Notifications}. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	/** No Nagle delay on the SMTP connections (see {@link SmtpNoDelay}). */
	@Bean
	static SmtpNoDelay smtpNoDelay() {
		return new SmtpNoDelay();
	}

	@Bean
	Outbox notificationOutbox(JdbcClient jdbc, DataSource dataSource) {
		return new Outbox(jdbc, dataSource);
	}

	@Bean
	MailTemplates mailTemplates(NotificationSettings settings) {
		return new MailTemplates(settings.templateDir());
	}

	@Bean
	MessageComposer messageComposer(JavaMailSender mailSender, MailTemplates templates, MailSettings mail,
			LinkSettings links, NotificationSettings settings, Clock clock) {
		return new MessageComposer(mailSender, templates, mail, links, settings, clock);
	}

	@Bean
	OutboxDispatcher outboxDispatcher(Outbox outbox, MessageComposer composer, JavaMailSender mailSender,
			NotificationSettings settings, ApplicationEventPublisher events, Clock clock) {
		return new OutboxDispatcher(outbox, composer, mailSender, settings, clock, events, nodeName());
	}

	@Bean
	DigestCompiler digestCompiler(Outbox outbox, NotificationSettings settings, MessageComposer composer,
			PlatformTransactionManager transactionManager, VietnamCalendar calendar) {
		return new DigestCompiler(outbox, settings, composer, new TransactionTemplate(transactionManager),
				calendar::isWorkingDay);
	}

	@Bean
	Notifications notifications(Outbox outbox, MessageComposer composer, OutboxDispatcher dispatcher,
			DigestCompiler digests, NotificationSettings settings, Clock clock) {
		return new Notifications(outbox, composer, dispatcher, digests, settings, clock);
	}

	@Bean
	DispatchPoller notificationDispatchPoller(Notifications notifications, NotificationSettings settings) {
		return new DispatchPoller(notifications, settings);
	}

	/** Host and process, so the log and {@code claimed_by} say which node holds a row; unique per start. */
	private static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "node";
		}
		String pid = String.valueOf(ProcessHandle.current().pid());
		String name = host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
		return name.length() > 80 ? name.substring(name.length() - 80) : name;
	}

}
