package vn.dondoc.feed;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.dondoc.security.Viewer;

/**
 * {@code /api/units/{code}/calendar-feed}: the address of a unit's private calendar (GET, issued on the first call),
 * a new one (POST), none (DELETE); and the calendar itself, {@code /lich/<token>.ics}, which answers without a login
 * (calendar apps do not sign in) and says nothing about a token that does not work.
 */
@RestController
class CalendarFeedController {

	static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar; charset=UTF-8");

	private static final Logger log = LoggerFactory.getLogger(CalendarFeedController.class);

	private final CalendarFeeds feeds;

	CalendarFeedController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@Operation(summary = "Địa chỉ lịch theo dõi của đơn vị (iCalendar)", description = "Trả về {\"url\": \"…/lich/<mã bí mật>.ics\"}: "
			+ "địa chỉ riêng để đăng ký (subscribe) trong Outlook, Thunderbird, Google Calendar, lịch iPhone; địa chỉ mở được "
			+ "không cần đăng nhập, mỗi sự kiện cả ngày là một phần việc đang mở có thời hạn, cùng UID với tệp .ics trong thư "
			+ "giao nhiệm vụ. Lần gọi đầu (và sau khi thu hồi) cấp địa chỉ mới. Thành viên đơn vị dùng cho đơn vị mình; Văn "
			+ "phòng theo dõi và quản trị cho mọi đơn vị, và cho lịch của Văn phòng (mã tracking-office: mọi đơn vị).")
	@GetMapping(path = "/api/units/{code}/calendar-feed", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> get(@Parameter(description = "mã đơn vị, hoặc tracking-office") @PathVariable String code,
			Authentication authentication) {
		return answer(() -> feeds.url(Viewer.of(authentication), code));
	}

	@Operation(summary = "Cấp lại địa chỉ lịch theo dõi", description = "Cấp địa chỉ mới; địa chỉ cũ trả về 404 từ nay "
			+ "(khi địa chỉ bị lộ). Cần HTTP Basic.")
	@PostMapping(path = "/api/units/{code}/calendar-feed", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> reissue(@Parameter(description = "mã đơn vị, hoặc tracking-office") @PathVariable String code,
			Authentication authentication) {
		return answer(() -> feeds.reissue(Viewer.of(authentication), code));
	}

	@Operation(summary = "Thu hồi địa chỉ lịch theo dõi", description = "Địa chỉ trả về 404 từ nay; 204 kể cả khi đã thu "
			+ "hồi trước đó. Cần HTTP Basic.")
	@DeleteMapping(path = "/api/units/{code}/calendar-feed")
	ResponseEntity<?> revoke(@Parameter(description = "mã đơn vị, hoặc tracking-office") @PathVariable String code,
			Authentication authentication) {
		try {
			feeds.revoke(Viewer.of(authentication), code);
			return ResponseEntity.noContent().build();
		}
		catch (CalendarFeeds.Refused refused) {
			return problem(refused);
		}
	}

	/** The calendar; an unknown or revoked token gets the same bare 404 as a mistyped one. */
	@GetMapping("/lich/{token}.ics")
	ResponseEntity<byte[]> calendar(@PathVariable String token) {
		Optional<byte[]> calendar = feeds.calendar(token);
		if (calendar.isEmpty()) {
			log.debug("Calendar feed asked for with a token that does not work");
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.parseMediaType("text/plain; charset=UTF-8"))
				.body("Không có lịch ở địa chỉ này.".getBytes(StandardCharsets.UTF_8));
		}
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"dondoc.ics\"")
			.body(calendar.get());
	}

	private static ResponseEntity<?> answer(Supplier<String> url) {
		try {
			return ResponseEntity.ok(Map.of("url", url.get()));
		}
		catch (CalendarFeeds.Refused refused) {
			return problem(refused);
		}
	}

	private static ResponseEntity<ProblemDetail> problem(CalendarFeeds.Refused refused) {
		HttpStatus status = refused.unknownUnit() ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
		problem.setTitle(refused.unknownUnit() ? "Không tìm thấy" : "Không có quyền");
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
