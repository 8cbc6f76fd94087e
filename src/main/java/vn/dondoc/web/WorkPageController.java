package vn.dondoc.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.dondoc.security.Viewer;
import vn.dondoc.work.WorkCatalog;

/** {@code /work/{taskId}}: one task of a modelled process, as a directive has its page. */
@Controller
class WorkPageController {

	private final WorkCatalog work;

	WorkPageController(WorkCatalog work) {
		this.work = work;
	}

	@GetMapping("/work/{taskId}")
	String work(@PathVariable String taskId, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		WorkCatalog.WorkDetail detail = work.work(taskId)
			.orElseThrow(() -> new WebAdvice.NotFound("Không có công việc này (có thể quy trình đã bị hủy)."));
		if (!viewer.seesAll() && (detail.work().unit() == null || !viewer.units().contains(detail.work().unit()))) {
			throw new WebAdvice.NotYours("Công việc này không thuộc đơn vị của bạn.");
		}
		model.addAttribute("work", detail.work());
		model.addAttribute("reminders", detail.reminders());
		model.addAttribute("history", detail.history());
		return "web/work";
	}

}
