package vn.dondoc.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.security.Viewer;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.web.StartableWork.Startable;
import vn.dondoc.web.WebAdvice.NotYours;

/**
 * {@code /processes/start}, «Khởi tạo công việc»: the modelled processes the signed-in person may start
 * (Camunda authorizations decide), each with its start form rendered here; a start runs under the
 * person's Camunda identity and the page then says which task was created and for whom.
 */
@Controller
class StartWorkController {

	private final StartableWork startable;

	private final HistoryService history;

	private final TaskService tasks;

	private final People people;

	private final UnitDirectory units;

	StartWorkController(StartableWork startable, HistoryService history, TaskService tasks, People people, UnitDirectory units) {
		this.startable = startable;
		this.history = history;
		this.tasks = tasks;
		this.people = people;
		this.units = units;
	}

	/** Where a new instance's work went: each open task, its unit(s) or person, and its due day. */
	public record Created(String task, String where, String due) {
	}

	/** The instance just started, as the confirmation shows it. */
	public record Started(String process, String id, List<Created> tasks) {
	}

	@GetMapping("/processes/start")
	String page(Authentication authentication, @RequestParam(required = false) String started, Model model) {
		Viewer viewer = Viewer.of(authentication);
		model.addAttribute("processes", startable.list(viewer));
		model.addAttribute("units", units.all());
		if (started != null) {
			model.addAttribute("started", started(viewer, started));
		}
		return "web/start-work";
	}

	@PostMapping("/processes/start/{key}")
	ModelAndView start(Authentication authentication, @PathVariable String key, @RequestParam Map<String, String> input) {
		Viewer viewer = Viewer.of(authentication);
		List<Startable> processes = startable.list(viewer);
		Startable process = processes.stream()
			.filter(s -> s.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new NotYours("Tài khoản của bạn không được khởi tạo quy trình «" + key + "». Quyền khởi tạo do quản trị hệ thống "
					+ "cấp trong Camunda Admin (Phân quyền → Định nghĩa quy trình và Phiên bản quy trình); hãy liên hệ Văn phòng."));
		if (!process.renderedHere()) {
			return form(processes, key, Map.of(), Map.of("", "Biểu mẫu của quy trình này chỉ điền được trong Tasklist."), HttpStatus.BAD_REQUEST);
		}
		StartForm.Filled filled = process.form().fill(input);
		unknownUnit(process.form(), filled);
		if (!filled.valid()) {
			return form(processes, key, filled.values(), filled.errors(), HttpStatus.BAD_REQUEST);
		}
		ProcessInstance instance;
		try {
			instance = startable.start(viewer, process, filled.variables());
		}
		catch (AuthorizationException e) {
			throw new NotYours("Camunda không cho tài khoản của bạn khởi tạo quy trình «" + process.name() + "» (" + e.getMessage() + ").");
		}
		return new ModelAndView("redirect:/processes/start?started=" + instance.getId());
	}

	/**
	 * A field named like dondoc's unit variable ({@code unit}) holds a unit code that becomes a candidate group
	 * ({@code ${unit}}): a code not in units.yml would hand the task to nobody.
	 */
	private void unknownUnit(StartForm form, StartForm.Filled filled) {
		for (StartForm.Field field : form.fields()) {
			String code = filled.values().get(field.key());
			if (DirectiveProcess.VAR_UNIT.equals(field.key()) && "textfield".equals(field.type()) && code != null && !code.isEmpty()
					&& !filled.errors().containsKey(field.key()) && !units.exists(code)) {
				filled.errors().put(field.key(), "«" + field.label() + "»: không có đơn vị «" + code + "» trong danh mục đơn vị; hãy chọn trong danh sách.");
			}
		}
	}

	private ModelAndView form(List<Startable> processes, String key, Map<String, String> values, Map<String, String> errors,
			HttpStatus status) {
		ModelAndView page = new ModelAndView("web/start-work", status);
		page.addObject("processes", processes);
		page.addObject("units", units.all());
		page.addObject("failedKey", key);
		page.addObject("values", values);
		page.addObject("errors", errors);
		return page;
	}

	/** Only the person who started an instance reads its confirmation. */
	private Started started(Viewer viewer, String instanceId) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
		if (instance == null || !viewer.userId().equals(instance.getStartUserId())) {
			return null;
		}
		List<Created> created = new ArrayList<>();
		for (Task task : tasks.createTaskQuery().processInstanceId(instanceId).list()) {
			created.add(new Created(task.getName(), where(task), day(task.getDueDate())));
		}
		String name = instance.getProcessDefinitionName() != null ? instance.getProcessDefinitionName() : instance.getProcessDefinitionKey();
		return new Started(name, instanceId, created);
	}

	private String where(Task task) {
		if (task.getAssignee() != null) {
			return people.name(task.getAssignee());
		}
		List<String> groups = new ArrayList<>();
		List<String> users = new ArrayList<>();
		for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
				else if (link.getUserId() != null) {
					users.add(people.name(link.getUserId()));
				}
			}
		}
		List<String> names = new ArrayList<>(groups.stream().map(people::unit).toList());
		names.addAll(users);
		return names.isEmpty() ? "chưa giao cho ai" : String.join(", ", names);
	}

	private static String day(Date date) {
		return date == null ? "" : WebDates.DAY.format(LocalDate.ofInstant(date.toInstant(), WebDates.VIETNAM));
	}

}
