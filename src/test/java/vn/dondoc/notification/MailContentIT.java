package vn.dondoc.notification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What arrives at a real SMTP server (the embedded GreenMail), parsed back from the wire: Vietnamese in
 * the subject and both bodies, the calendar file, the Message-ID, and what injection attempts become.
 */
@NotificationIT
class MailContentIT {

	@Autowired
	Notifications notifications;

	@Autowired
	Outbox outbox;

	@Autowired
	MessageComposer composer;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	EmbeddedSmtpServer smtp;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ConfigurableApplicationContext context;

	@BeforeEach
	void emptyOutbox() {
		jdbc.sql("DELETE FROM notification").update();
	}

	@ParameterizedTest
	@EnumSource(NotificationKind.class)
	void eachKindArrivesInVietnameseWithHtmlTextAndCalendar(NotificationKind kind) throws Exception {
		String key = "content/" + kind + "/" + System.nanoTime();
		NotificationRequest request = kind == NotificationKind.ESCALATION ? Requests.escalation(key)
				: Requests.of(key, kind, kind == NotificationKind.OVERDUE ? -2 : 4);

		Received mail = sendAndReceive(request);

		assertThat(mail.subject()).startsWith(kind.label()).contains("KL-HNTU11-KXVI, mục I.2.3.1");
		assertThat(mail.raw()).contains("Subject: =?UTF-8?").contains("charset=UTF-8");
		assertThat(mail.messageId()).isEqualTo(composer.messageId(key));
		assertThat(mail.text()).contains("Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển cán bộ",
				"Thứ Sáu, 30/06/2023", "https://dondoc.thanhuy-haiphong.example/directives/KL-HNTU11-KXVI%2FI.2.3.1");
		assertThat(HtmlText.of(mail.html())).contains("Giao Ban Tổ chức Thành ủy khẩn trương báo cáo",
				"Thứ Sáu, 30/06/2023", "Ban Tổ chức Thành ủy");
		assertThat(mail.text() + mail.html()).doesNotContain("/camunda", "null")
			.contains("https://dondoc.thanhuy-haiphong.example/huong-dan");
		if (kind == NotificationKind.ESCALATION) {
			assertThat(mail.attachmentNames()).isEmpty();
			assertThat(mail.text()).contains("Đơn vị chậm thực hiện: Ban Tổ chức Thành ủy");
		}
		else if (kind.isDecision() && kind != NotificationKind.EXTENSION_APPROVED) {
			assertThat(mail.attachmentNames()).as("only an approved extension moves the calendar entry").isEmpty();
		}
		else {
			assertThat(mail.attachmentNames()).containsExactly("Hạn KL-HNTU11-KXVI mục I.2.3.1.ics");
			VEvent event = new CalendarBuilder().build(new ByteArrayInputStream(mail.attachments().get(0)))
				.<VEvent>getComponents("VEVENT").get(0);
			assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2023, 6, 30));
			assertThat(event.getUid().orElseThrow().getValue())
				.isEqualTo(CalendarFile.uid(Requests.DIRECTIVE, "ban-to-chuc", "thanhuy-haiphong.example"));
			assertThat(event.getSequence().getSequenceNo()).isZero();
		}
	}

	@Test
	void anExtensionSendsTheSameCalendarEntryWithAHigherSequence() throws Exception {
		Received mail = sendAndReceive(Requests.extended("content/extended/" + System.nanoTime(), LocalDate.of(2023, 7, 31), 2));

		VEvent event = new CalendarBuilder().build(new ByteArrayInputStream(mail.attachments().get(0)))
			.<VEvent>getComponents("VEVENT").get(0);
		assertThat(event.getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2023, 7, 31));
		assertThat(event.getSequence().getSequenceNo()).isEqualTo(2);
		assertThat(event.getUid().orElseThrow().getValue())
			.isEqualTo(CalendarFile.uid(Requests.DIRECTIVE, "ban-to-chuc", "thanhuy-haiphong.example"));
		assertThat(mail.text()).contains("Thứ Hai, 31/07/2023 (hạn ban đầu Thứ Sáu, 30/06/2023, đã gia hạn 2 lần)");
	}

	@Test
	void injectedHeadersAndHtmlArriveAsHarmlessText() throws Exception {
		String key = "content/injection/" + System.nanoTime();
		Received mail = sendAndReceive(Requests.withText(key,
				"Kế hoạch\r\nBcc: evil@attacker.example\r\n\r\n<script>alert('x')</script><a href=\"javascript:alert(1)\">bấm</a>",
				"Ban Tổ chức\r\nX-Injected: yes"));

		String headers = mail.raw().substring(0, mail.raw().indexOf("\r\n\r\n"));
		assertThat(headers).doesNotContainIgnoringCase("\nBcc:").doesNotContainIgnoringCase("\nX-Injected:");
		assertThat(mail.subject()).doesNotContain("\r", "\n");
		assertThat(mail.html()).doesNotContain("<script>", "href=\"javascript:").contains("&lt;script&gt;");
		// To and Cc each got one copy; an injected Bcc would have made a third
		assertThat(copiesOf(mail.messageId())).isEqualTo(2);
	}

	@Test
	void theDigestGathersAUnitsRemindersIntoOneMorningMail() throws Exception {
		// Monday 26/06/2023, 06:00 in Hải Phòng: before the digest time (07:00)
		MutableClock clock = new MutableClock(Instant.parse("2023-06-25T23:00:00Z"));
		NotificationSettings digestOn = new NotificationSettings(null, null, null, null, null, null, true, null, true, null, null);
		DigestCompiler compiler = new DigestCompiler(outbox, digestOn,
				composer, new TransactionTemplate(transactionManager));
		Notifications withDigest = new Notifications(outbox, composer, dispatcher, compiler, digestOn, clock);
		String run = String.valueOf(System.nanoTime());
		withDigest.enqueue(Requests.reminder("digest/" + run + "/reminder"));
		withDigest.enqueue(Requests.of("digest/" + run + "/overdue", NotificationKind.OVERDUE, -2));
		withDigest.enqueue(Requests.to("digest/" + run + "/other-unit", "ban-tuyen-giao@thanhuy-haiphong.example"));
		withDigest.enqueue(Requests.of("digest/" + run + "/assignment", NotificationKind.ASSIGNMENT, 30));

		DispatchCounts early = withDigest.dispatchPending();

		assertThat(early.digests()).isZero();
		assertThat(early.sent()).as("the assignment notice does not wait").isOne();
		assertThat(outbox.find("digest/" + run + "/reminder").orElseThrow().state()).isEqualTo(DeliveryState.DIGEST_WAIT);

		List<NotificationSent> announced = announcements();
		clock.set(Instant.parse("2023-06-26T00:05:00Z")); // 07:05
		DispatchCounts morning = withDigest.dispatchPending();

		assertThat(morning.digests()).isEqualTo(2);
		assertThat(morning.sent()).isEqualTo(2);
		OutboxRow reminder = outbox.find("digest/" + run + "/reminder").orElseThrow();
		OutboxRow overdue = outbox.find("digest/" + run + "/overdue").orElseThrow();
		assertThat(reminder.state()).isEqualTo(DeliveryState.DIGESTED);
		assertThat(overdue.digestId()).isEqualTo(reminder.digestId());
		OutboxRow digest = jdbc.sql("SELECT idempotency_key FROM notification WHERE id = :id").param("id", reminder.digestId())
			.query(String.class).optional().flatMap(outbox::find).orElseThrow();
		assertThat(digest.state()).isEqualTo(DeliveryState.SENT);
		assertThat(digest.subject()).isEqualTo("Tổng hợp nhắc hạn ngày 26/06/2023: 2 nhiệm vụ – Ban Tổ chức Thành ủy");
		// each reminder a digest carried is announced on its own, with its digest's Message-ID
		String otherDigest = jdbc.sql("SELECT message_id FROM notification WHERE id = :id")
			.param("id", outbox.find("digest/" + run + "/other-unit").orElseThrow().digestId()).query(String.class).single();
		assertThat(announced).filteredOn(NotificationSent::inDigest)
			.extracting(NotificationSent::idempotencyKey, NotificationSent::kind, NotificationSent::messageId)
			.containsExactlyInAnyOrder(
					tuple("digest/" + run + "/reminder", NotificationKind.REMINDER, digest.messageId()),
					tuple("digest/" + run + "/overdue", NotificationKind.OVERDUE, digest.messageId()),
					tuple("digest/" + run + "/other-unit", NotificationKind.REMINDER, otherDigest));
		assertThat(otherDigest).isNotEqualTo(digest.messageId());

		Received mail = await().until(() -> receivedFor(digest.messageId()), received -> received != null);
		assertThat(mail.text()).contains("Tổng hợp nhắc hạn ngày Thứ Hai, 26/06/2023", "1. Nhắc hạn – Còn 5 ngày làm việc",
				"2. Quá hạn – Đã quá hạn 2 ngày làm việc");
		assertThat(mail.attachmentNames()).containsExactly("Hạn các nhiệm vụ 26-06-2023.ics");

		// one digest a day: a reminder queued after it waits for the next working morning
		withDigest.enqueue(Requests.reminder("digest/" + run + "/late"));
		assertThat(withDigest.dispatchPending().digests()).isZero();
		clock.set(Instant.parse("2023-07-01T01:00:00Z")); // Saturday 08:00
		assertThat(withDigest.dispatchPending().digests()).isZero();
		clock.set(Instant.parse("2023-07-03T00:30:00Z")); // Monday 07:30
		assertThat(withDigest.dispatchPending().digests()).isOne();

		// switched off again: a reminder left waiting is sent on its own rather than never
		withDigest.enqueue(Requests.reminder("digest/" + run + "/switched-off"));
		assertThat(notifications.dispatchPending().sent()).isOne();
		assertThat(outbox.find("digest/" + run + "/switched-off").orElseThrow().state()).isEqualTo(DeliveryState.SENT);
	}

	/** The {@link NotificationSent} events published from now on. */
	private List<NotificationSent> announcements() {
		List<NotificationSent> announced = new CopyOnWriteArrayList<>();
		context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
			if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof NotificationSent sent) {
				announced.add(sent);
			}
		});
		return announced;
	}

	@Test
	void announcesEachSentNotification() {
		List<NotificationSent> announced = announcements();
		String key = "content/event/" + System.nanoTime();
		transactions.executeWithoutResult(status -> notifications.enqueue(Requests.reminder(key)));
		notifications.dispatchPending();
		assertThat(announced).anySatisfy(event -> {
			assertThat(event.idempotencyKey()).isEqualTo(key);
			assertThat(event.kind()).isEqualTo(NotificationKind.REMINDER);
			assertThat(event.taskId()).isEqualTo("task-4711");
			assertThat(event.messageId()).isEqualTo(composer.messageId(key));
			assertThat(event.inDigest()).isFalse();
		});
	}

	private Received sendAndReceive(NotificationRequest request) throws Exception {
		transactions.executeWithoutResult(status -> notifications.enqueue(request));
		assertThat(notifications.dispatchPending().sent()).isOne();
		String messageId = composer.messageId(request.idempotencyKey());
		return await().until(() -> receivedFor(messageId), received -> received != null);
	}

	private Received receivedFor(String messageId) throws Exception {
		for (MimeMessage message : smtp.receivedMessages()) {
			if (messageId.equals(message.getMessageID())) {
				ByteArrayOutputStream raw = new ByteArrayOutputStream();
				message.writeTo(raw);
				return Received.of(raw.toString(StandardCharsets.US_ASCII), message);
			}
		}
		return null;
	}

	private long copiesOf(String messageId) throws Exception {
		List<String> ids = new ArrayList<>();
		for (MimeMessage message : smtp.receivedMessages()) {
			ids.add(message.getMessageID());
		}
		return ids.stream().filter(messageId::equals).count();
	}

}
