package vn.dondoc.web;

import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.dondoc.security.Viewer;
import vn.dondoc.work.WorkCatalog;

/**
 * {@code /work/{taskId}}: one task of a modelled process, as a directive has its page; where the mails about
 * such a task lead ({@code dondoc.work-url}). A task dondoc does not track (no due date) opens in Tasklist.
 */
@Controller
class WorkPageController {

	private final WorkCatalog work;

	private final TaskService tasks;

	WorkPageController(WorkCatalog work, TaskService tasks) {
		this.work = work;
		this.tasks = tasks;
	}

	@GetMapping("/work/{taskId}")
	String work(@PathVariable String taskId, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		Optional<WorkCatalog.WorkDetail> found = work.work(taskId);
		if (found.isEmpty() && tasks.createTaskQuery().taskId(taskId).count() == 1) {
			// an open task without a due date: not tracked, but Tasklist shows it (under the viewer's own rights)
			return "redirect:" + DirectivePageController.tasklist(taskId);
		}
		WorkCatalog.WorkDetail detail = found
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
