package vn.dondoc.notification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** What a message looks like on the wire, without a server: headers, bodies, attachment. */
class MessageComposerTest {

	static final Instant NOW = Instant.parse("2023-06-23T01:00:00Z");

	static final String FROM = "Văn phòng Thành ủy (dondoc) <dondoc@thanhuy-haiphong.example>";

	private final MessageComposer composer = composer(Path.of("does-not-exist"));

	static MessageComposer composer(Path templateDir) {
		return new MessageComposer(new JavaMailSenderImpl(), new MailTemplates(templateDir), new MailSettings(FROM, 0),
				new LinkSettings("https://dondoc.thanhuy-haiphong.example"), NotificationSettings.defaults(),
				Clock.fixed(NOW, VietnameseDates.ZONE));
	}

	static OutboxRow row(NotificationRequest request, MessageComposer composer) {
		return new OutboxRow(1, request.idempotencyKey(), request.kind().name(), request.directiveId(),
				request.leadUnitCode(), request.taskId(), request.to(), request.cc(), composer.subject(request),
				Payloads.write(request), composer.messageId(request.idempotencyKey()), DeliveryState.PENDING, 0, NOW, NOW,
				null, null, null, null, null);
	}

	/** Composes, writes to bytes and parses back, as the receiving side sees it. */
	static Received roundTrip(MessageComposer composer, OutboxRow row) throws Exception {
		MimeMessage message = composer.compose(row);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		String raw = out.toString(StandardCharsets.US_ASCII);
		MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
		return Received.of(raw, parsed);
	}

	@Test
	void aReminderSaysWhatWhereWhoAndWhenInVietnamese() throws Exception {
		NotificationRequest request = Requests.reminder("task-4711/reminder-1/2023-06-30");
		Received mail = roundTrip(composer, row(request, composer));

		assertThat(mail.subject()).isEqualTo("Nhắc hạn: Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển… "
				+ "(KL-HNTU11-KXVI, mục I.2.3.1) – còn 5 ngày làm việc, hạn 30/06/2023");
		assertThat(mail.raw()).contains("Subject: =?UTF-8?").contains("Auto-Submitted: auto-generated");
		assertThat(mail.messageId()).isEqualTo(composer.messageId("task-4711/reminder-1/2023-06-30"));
		assertThat(mail.from()).isEqualTo("Văn phòng Thành ủy (dondoc) <dondoc@thanhuy-haiphong.example>");
		for (String body : List.of(mail.text(), mail.html())) {
			assertThat(body).contains("Nhắc hạn", "KL-HNTU11-KXVI", "I.2.3.1", "Kết luận Hội nghị Thành ủy lần thứ 11, khóa XVI",
					"Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển cán bộ", "Ban Tổ chức Thành ủy",
					"Thứ Sáu, 30/06/2023", "Còn 5 ngày làm việc",
					"https://dondoc.thanhuy-haiphong.example/huong-dan",
					"https://dondoc.thanhuy-haiphong.example/directives/KL-HNTU11-KXVI%2FI.2.3.1",
					Requests.BAN_TO_CHUC, Requests.HEAD, "Thứ Sáu, 23/06/2023");
			assertThat(body).doesNotContain("/camunda", "Tasklist");
		}
		assertThat(mail.attachmentNames()).containsExactly("Hạn KL-HNTU11-KXVI mục I.2.3.1.ics");
		assertThat(mail.raw()).contains("filename=\"Han-KL-HNTU11-KXVI-muc-I.2.3.1.ics\"")
			.contains("text/calendar; charset=UTF-8; method=PUBLISH");
	}

	@ParameterizedTest
	@EnumSource(NotificationKind.class)
	void everyKindRendersWithItsOwnSubjectAndOpening(NotificationKind kind) throws Exception {
		Integer left = switch (kind) {
			case ASSIGNMENT, REMINDER -> 20;
			case DUE_SOON -> 2;
			case DUE_TODAY -> 0;
			case OVERDUE, ESCALATION -> -3;
			case MESSAGE, REPORT_ACCEPTED, REPORT_RETURNED, EXTENSION_APPROVED, EXTENSION_REFUSED -> null;
		};
		NotificationRequest request = kind == NotificationKind.ESCALATION ? Requests.escalation("k-" + kind)
				: Requests.of("k-" + kind, kind, left);
		Received mail = roundTrip(composer, row(request, composer));

		assertThat(mail.subject()).startsWith(kind.label());
		String opening = switch (kind) {
			case ASSIGNMENT -> "được giao chủ trì thực hiện nhiệm vụ dưới đây";
			case REMINDER -> "Văn phòng nhắc Ban Tổ chức Thành ủy";
			case DUE_SOON -> "Còn 2 ngày làm việc";
			case DUE_TODAY -> "Đến hạn hôm nay";
			case OVERDUE -> "Đã quá hạn 3 ngày làm việc";
			case ESCALATION -> "Ban Tổ chức Thành ủy là đơn vị chủ trì nhưng chưa hoàn thành nhiệm vụ dưới đây, đã quá hạn 3 ngày làm việc";
			case MESSAGE -> "Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển cán bộ";
			case REPORT_ACCEPTED -> "Kết quả thực hiện nhiệm vụ đã được ghi nhận";
			case REPORT_RETURNED -> "hoàn thiện, bổ sung theo ý kiến của Văn phòng và nộp lại báo cáo kết quả trên dondoc";
			case EXTENSION_APPROVED -> "thời hạn mới là Thứ Sáu, 30/06/2023";
			case EXTENSION_REFUSED -> "giữ nguyên; đề nghị đơn vị khẩn trương hoàn thành";
		};
		assertThat(mail.text()).contains(opening);
		assertThat(HtmlText.of(mail.html())).contains(opening)
			.as("the footer every HTML mail shares (parts.html)")
			.contains("Thư này gửi tới: " + String.join(", ", request.to()), "https://dondoc.thanhuy-haiphong.example/huong-dan",
					"xin không trả lời thư này");
	}

	/** The senders compose at once, with one template engine and its shared expression context. */
	@Test
	void sendersComposingAtOnceEachGetTheirOwnMessage() throws Exception {
		List<NotificationKind> kinds = List.of(NotificationKind.REMINDER, NotificationKind.DUE_SOON, NotificationKind.OVERDUE,
				NotificationKind.ESCALATION);
		ExecutorService senders = Executors.newFixedThreadPool(kinds.size());
		try {
			List<Future<Received>> mails = new ArrayList<>();
			for (int round = 0; round < 25; round++) {
				for (NotificationKind kind : kinds) {
					NotificationRequest request = kind == NotificationKind.ESCALATION ? Requests.escalation("c-" + round)
							: Requests.of("c-" + kind + "-" + round, kind, kind == NotificationKind.OVERDUE ? -round - 1 : round + 1);
					mails.add(senders.submit(() -> roundTrip(composer, row(request, composer))));
				}
			}
			for (int i = 0; i < mails.size(); i++) {
				NotificationKind kind = kinds.get(i % kinds.size());
				int round = i / kinds.size();
				Received mail = mails.get(i).get(30, TimeUnit.SECONDS);
				assertThat(mail.subject()).startsWith(kind.label());
				switch (kind) {
					case REMINDER, DUE_SOON -> assertThat(mail.text()).contains("Còn " + (round + 1) + " ngày làm việc");
					case OVERDUE -> assertThat(mail.text()).contains("Đã quá hạn " + (round + 1) + " ngày làm việc");
					default -> assertThat(mail.text()).contains("Kính gửi: Văn phòng Thành ủy");
				}
			}
		}
		finally {
			senders.shutdownNow();
		}
	}

	@Test
	void anEscalationNamesTheLateUnitAndGoesToTheUnitAbove() throws Exception {
		Received mail = roundTrip(composer, row(Requests.escalation("esc"), composer));
		assertThat(mail.subject()).isEqualTo("Cảnh báo leo thang: Ban Tổ chức Thành ủy chậm thực hiện 3 ngày làm việc – "
				+ "Giao Ban Tổ chức Thành ủy khẩn trương báo cáo Kế hoạch luân chuyển… (KL-HNTU11-KXVI, mục I.2.3.1)");
		assertThat(mail.text()).contains("Kính gửi: Văn phòng Thành ủy", "Đơn vị chậm thực hiện: Ban Tổ chức Thành ủy");
		assertThat(mail.to()).isEqualTo(Requests.VAN_PHONG);
		assertThat(mail.attachmentNames()).isEmpty();
	}

	@Test
	void anExtendedDeadlineShowsTheOriginalOne() throws Exception {
		Received mail = roundTrip(composer, row(Requests.extended("ext", LocalDate.of(2023, 7, 31), 1), composer));
		assertThat(mail.text()).contains("Thứ Hai, 31/07/2023 (hạn ban đầu Thứ Sáu, 30/06/2023, đã gia hạn 1 lần)");
	}

	@Test
	void htmlInTheDocumentIsShownAsTextNotRun() throws Exception {
		NotificationRequest request = Requests.withText("xss", "Báo cáo <script>alert('x')</script><img src=x onerror=alert(1)> & \"trích dẫn\"",
				"Ban <b>Tổ chức</b>");
		Received mail = roundTrip(composer, row(request, composer));

		assertThat(mail.html()).doesNotContain("<script>", "<img src=x", "<b>Tổ chức</b>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &quot;trích dẫn&quot;")
			.contains("Ban &lt;b&gt;Tổ chức&lt;/b&gt;");
		assertThat(mail.text()).contains("Báo cáo <script>alert('x')</script>");
	}

	@Test
	void lineBreaksInTheDocumentNeverStartAHeader() throws Exception {
		NotificationRequest request = Requests.withText("crlf", "Kế hoạch\r\nBcc: evil@attacker.example\r\n\r\n<h1>body</h1>",
				"Ban Tổ chức\r\nX-Injected: yes");
		Received mail = roundTrip(composer, row(request, composer));

		String headers = mail.raw().substring(0, mail.raw().indexOf("\r\n\r\n"));
		assertThat(headers).doesNotContainIgnoringCase("\r\nBcc:").doesNotContainIgnoringCase("\r\nX-Injected:");
		assertThat(mail.subject()).startsWith("Nhắc hạn: Kế hoạch Bcc: evil@attacker.example <h1>body</h1>").doesNotContain("\n");
		assertThat(mail.parsed().getHeader("Bcc")).isNull();
	}

	@Test
	void anOperatorTemplateReplacesTheBuiltInOneForItsKindOnly(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("overdue.html"), "<p th:text=\"'Mẫu riêng: ' + ${notice.leadUnitName}\">x</p>");
		Files.writeString(folder.resolve("overdue.txt"), "Mẫu riêng: [(${notice.leadUnitName})]");
		// without its plain-text twin an override is not used
		Files.writeString(folder.resolve("reminder.html"), "<p>Không dùng</p>");
		MessageComposer custom = composer(folder);

		Received overdue = roundTrip(custom, row(Requests.of("o", NotificationKind.OVERDUE, -1), custom));
		Received reminder = roundTrip(custom, row(Requests.reminder("r"), custom));

		assertThat(overdue.text()).isEqualTo("Mẫu riêng: Ban Tổ chức Thành ủy");
		assertThat(overdue.html()).contains("<p>Mẫu riêng: Ban Tổ chức Thành ủy</p>");
		assertThat(reminder.text()).contains("Văn phòng nhắc Ban Tổ chức Thành ủy");
	}

}
