package vn.dondoc.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /huong-dan}: how dondoc is used, in Vietnamese, for the units and the tracking office (what each
 * status means, how to report, ask for more time, read a reminder, and what each role may do). Linked from
 * every page and from the footer of every e-mail.
 */
@Controller
class HelpController {

	@GetMapping("/huong-dan")
	String help() {
		return "web/help";
	}

}
