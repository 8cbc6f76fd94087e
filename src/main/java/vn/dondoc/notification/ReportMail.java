package vn.dondoc.notification;

import java.util.List;

/**
 * An e-mail that carries a report (the quarterly progress report): who receives it, what it says, the file.
 *
 * @param idempotencyKey unique per report and period: the same key is queued once only
 * @param to recipient addresses
 * @param recipientNames the receiving units, in words ("Kính gửi: …")
 * @param subject the subject (one line)
 * @param title what the report is about ("Báo cáo tình hình thực hiện Kết luận số …")
 * @param lines the figures in short, one sentence each, shown in the message
 * @param file the report itself
 */
public record ReportMail(String idempotencyKey, List<String> to, List<String> recipientNames, String subject, String title,
		List<String> lines, MailFile file) {

	public ReportMail {
		to = List.copyOf(to);
		recipientNames = recipientNames == null ? List.of() : List.copyOf(recipientNames);
		lines = lines == null ? List.of() : List.copyOf(lines);
	}

	/** What the outbox row holds: everything but the file, which has its own row. */
	record Payload(List<String> recipientNames, String title, List<String> lines, String fileName) {
	}

}
