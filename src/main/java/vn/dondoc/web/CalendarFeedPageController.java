package vn.dondoc.web;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.dondoc.feed.CalendarFeeds;
import vn.dondoc.security.Viewer;

/**
 * {@code /lich}: "Lịch theo dõi trên điện thoại / Outlook", the signed-in unit's calendar address to subscribe to, how
 * to add it to the common calendar apps, and the buttons to re-issue or revoke it; the office chooses any unit (or its
 * own feed of every unit).
 */
@Controller
class CalendarFeedPageController {

	private final CalendarFeeds feeds;

	CalendarFeedPageController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/lich")
	String page(@RequestParam(required = false) String unit, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		List<CalendarFeeds.Address> choices = feeds.choices(viewer);
		if (choices.isEmpty()) {
			throw new WebAdvice.NotYours("Tài khoản của bạn không thuộc đơn vị nào nên không có lịch theo dõi.");
		}
		String code = unit == null || unit.isBlank() ? choices.get(0).unit() : unit.strip();
		model.addAttribute("feed", asPages(() -> feeds.address(viewer, code)));
		model.addAttribute("choices", choices);
		return "web/calendar-feed";
	}

	@PostMapping("/lich/cap-lai")
	String reissue(@RequestParam String unit, Authentication authentication, RedirectAttributes redirect) {
		asPages(() -> feeds.reissue(Viewer.of(authentication), unit));
		redirect.addFlashAttribute("notice", "Đã cấp địa chỉ mới cho lịch của " + feeds.name(unit)
				+ ". Địa chỉ cũ không dùng được nữa: hãy đăng ký lại địa chỉ mới trong ứng dụng lịch.");
		return "redirect:" + page(unit);
	}

	@PostMapping("/lich/thu-hoi")
	String revoke(@RequestParam String unit, Authentication authentication, RedirectAttributes redirect) {
		asPages(() -> feeds.revoke(Viewer.of(authentication), unit));
		redirect.addFlashAttribute("notice", "Đã thu hồi địa chỉ lịch của " + feeds.name(unit)
				+ ". Ứng dụng lịch đã đăng ký sẽ không cập nhật được nữa.");
		return "redirect:" + page(unit);
	}

	/** A refusal as the dashboard's pages say it (403, 404). */
	private static <T> T asPages(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (CalendarFeeds.Refused refused) {
			throw refused.unknownUnit() ? new WebAdvice.NotFound(refused.getMessage()) : new WebAdvice.NotYours(refused.getMessage());
		}
	}

	private static String page(String unit) {
		return UriComponentsBuilder.fromPath("/lich").queryParam("unit", unit).encode().build().toUriString();
	}

}
