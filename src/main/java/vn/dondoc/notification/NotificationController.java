package vn.dondoc.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dondoc.directive.DirectiveCatalog;

/**
 * {@code GET /api/notifications?directive=&page=&size=}: what was sent about a directive (or about
 * everything), to whom, when, and how its delivery stands; newest first. {@code directive} is the
 * directive's number or its business key (document code/section).
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

	static final int MAX_SIZE = 200;

	private final Outbox outbox;

	private final DirectiveCatalog catalog;

	NotificationController(Outbox outbox, DirectiveCatalog catalog) {
		this.outbox = outbox;
		this.catalog = catalog;
	}

	/**
	 * One page of notifications.
	 *
	 * @param items the notifications of this page
	 * @param page the page number, from 0
	 * @param size the page size asked for
	 * @param total how many notifications there are in all
	 */
	record NotificationPage(List<NotificationView> items, int page, int size, long total) {
	}

	/**
	 * One notification as the API shows it.
	 *
	 * @param state PENDING, SENT, DEAD, DIGEST_WAIT or DIGESTED
	 * @param stateLabel the state in Vietnamese
	 * @param attempts delivery attempts made so far
	 * @param nextAttemptAt when the next attempt is due (pending only)
	 * @param sentAt when the SMTP server accepted it (for a reminder in a digest: when the digest went out)
	 * @param lastError the server's answer to the last failed attempt
	 * @param digest the digest e-mail that carried it, if any
	 */
	record NotificationView(long id, String idempotencyKey, String kind, String kindLabel, String directiveId,
			String leadUnitCode, String taskId, String subject, List<String> to, List<String> cc, String state,
			String stateLabel, int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
			OffsetDateTime sentAt, String lastError, String messageId, DigestView digest) {
	}

	/** The digest e-mail that carried a reminder, and how its delivery stands. */
	record DigestView(long id, String state, String stateLabel, int attempts, OffsetDateTime sentAt, String lastError) {
	}

	@GetMapping
	ResponseEntity<?> list(@RequestParam(required = false) String directive,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		List<String> problems = new ArrayList<>();
		if (page < 0) {
			problems.add("page phải ≥ 0 (đang là " + page + ")");
		}
		if (size < 1 || size > MAX_SIZE) {
			problems.add("size phải từ 1 đến " + MAX_SIZE + " (đang là " + size + ")");
		}
		if (!problems.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
			problem.setTitle("Tham số không hợp lệ");
			problem.setProperty("problems", problems);
			return ResponseEntity.badRequest().body(problem);
		}
		String directiveId = directive == null || directive.isBlank() ? null : directive.trim();
		if (directiveId != null && !directiveId.chars().allMatch(Character::isDigit)) {
			// the business key (document code/section), as links and the README write it; any other value is
			// matched as it was stored (a notification about something that is not a directive)
			Optional<Long> id = catalog.idOf(directiveId);
			if (id.isPresent()) {
				directiveId = String.valueOf(id.get());
			}
		}
		List<NotificationView> items = outbox.list(directiveId, page, size).stream().map(NotificationController::view).toList();
		return ResponseEntity.ok(new NotificationPage(items, page, size, outbox.count(directiveId)));
	}

	private static NotificationView view(Outbox.Listed row) {
		String kindLabel = OutboxRow.DIGEST.equals(row.kind()) ? "Thư tổng hợp" : NotificationKind.valueOf(row.kind()).label();
		DigestView digest = row.digestId() == null || row.digestState() == null ? null
				: new DigestView(row.digestId(), row.digestState().name(), row.digestState().label(), row.digestAttempts(),
						time(row.digestSentAt()), row.digestError());
		Instant sentAt = row.sentAt() != null ? row.sentAt() : row.digestSentAt();
		return new NotificationView(row.id(), row.idempotencyKey(), row.kind(), kindLabel, row.directiveId(),
				row.leadUnitCode(), row.taskId(), row.subject(), row.to(), row.cc(), row.state().name(),
				row.state().label(), row.attempts(), time(row.createdAt()),
				row.state() == DeliveryState.PENDING ? time(row.nextAttemptAt()) : null, time(sentAt), row.lastError(),
				row.messageId(), digest);
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : instant.atZone(VietnameseDates.ZONE).toOffsetDateTime();
	}

}
