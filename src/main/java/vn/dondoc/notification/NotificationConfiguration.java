package vn.dondoc.notification;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dondoc.calendar.VietnamCalendar;

/** Wires the outbox, the dispatcher and the templates; the one public bean is {@link Notifications}. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	/** The longest node identity kept as it is (see {@link #identity}). */
	static final int IDENTITY_LENGTH = 60;

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
			LinkSettings links, NotificationSettings settings, Clock clock, JdbcClient jdbc) {
		return new MessageComposer(mailSender, templates, mail, links, settings, clock, new MailFiles(jdbc));
	}

	@Bean
	OutboxDispatcher outboxDispatcher(Outbox outbox, MessageComposer composer, JavaMailSender mailSender,
			NotificationSettings settings, ApplicationEventPublisher events, Clock clock, Environment environment) {
		return new OutboxDispatcher(outbox, composer, mailSender, settings, clock, events, nodeName(identity(environment)));
	}

	/**
	 * A restarted node takes back at once the messages its previous run had leased and not settled (it died, or
	 * was stopped mid-batch); other nodes' leases are left to run out. The poller is woken at once, so they go
	 * out as the node comes up, not a poll interval later.
	 */
	@Bean
	ApplicationListener<ApplicationStartedEvent> releaseOwnLeases(Outbox outbox, OutboxDispatcher dispatcher, DispatchPoller poller,
			Environment environment) {
		return event -> {
			String identity = identity(environment);
			if (identity == null) {
				return;
			}
			int released = outbox.releaseLeases(identity + ":", dispatcher.node() + "/");
			if (released > 0) {
				LoggerFactory.getLogger(NotificationConfiguration.class)
					.info("Took back {} messages that this node ({}) had taken before it stopped; they go out now", released, identity);
				poller.wake();
			}
		};
	}

	/**
	 * What stays the same when this node starts again: {@code dondoc.notification.node-id}, else its host, port
	 * and database. {@code null} when there is none (port 0: a test's random port).
	 */
	static String identity(Environment environment) {
		String configured = environment.getProperty("dondoc.notification.node-id");
		if (configured != null && !configured.isBlank()) {
			return bounded(configured.strip().replaceAll("[^A-Za-z0-9._@-]", "-"));
		}
		String port = environment.getProperty("server.port", "8080");
		if ("0".equals(port.strip())) {
			return null;
		}
		String database = environment.getProperty("spring.datasource.url", "");
		return bounded(host() + "@" + port.strip() + "-" + Integer.toHexString(database.hashCode()));
	}

	/**
	 * A longer identity is cut to {@link #IDENTITY_LENGTH} and ends with its hash: the same on every start,
	 * and short enough that the node name beginning with it is never cut ({@code claimed_by} holds 100
	 * characters), or a restarted node would not recognise its earlier runs' leases.
	 */
	private static String bounded(String identity) {
		if (identity.length() <= IDENTITY_LENGTH) {
			return identity;
		}
		return identity.substring(0, IDENTITY_LENGTH - 9) + "-" + String.format("%08x", identity.hashCode());
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

	/**
	 * The node's identity (or its host), process and a random part, so the log and {@code claimed_by} say which
	 * node holds a row; unique per start.
	 */
	static String nodeName(String identity) {
		String suffix = ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
		if (identity != null) {
			// never cut: a restarted node finds its earlier runs' leases by this beginning
			return identity + suffix;
		}
		String name = host() + suffix;
		return name.length() > 80 ? name.substring(name.length() - 80) : name;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "node";
		}
	}

}
