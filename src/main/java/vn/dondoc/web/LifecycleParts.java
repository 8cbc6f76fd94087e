package vn.dondoc.web;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.dondoc.attachment.Attachments.AttachmentInfo;
import vn.dondoc.attachment.Attachments;
import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DirectiveCatalog.UnitPart;
import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.security.Viewer;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.LifecycleRequestRefused;
import vn.dondoc.workflow.UnitPartStatus;
import vn.dondoc.web.LifecycleApiController.PartState;

/**
 * Finds the directive and the lead unit's part a lifecycle request is about, checks the caller's role for it,
 * and turns the engine's refusals into {@link ApiRefusal}s: 404 for an unknown directive or unit, 403 for the
 * wrong role or unit, 409 when the part is not in a state for the action.
 */
@Component
class LifecycleParts {

	record Target(DirectiveView view, UnitPart part) {
	}

	private final DirectiveCatalog catalog;

	private final DirectiveLifecycle lifecycle;

	private final TaskService tasks;

	private final Attachments attachments;

	LifecycleParts(DirectiveCatalog catalog, DirectiveLifecycle lifecycle, TaskService tasks, Attachments attachments) {
		this.catalog = catalog;
		this.lifecycle = lifecycle;
		this.tasks = tasks;
		this.attachments = attachments;
	}


	DirectiveView directive(String id, Viewer viewer) {
		Long number = null;
		if (id.chars().allMatch(Character::isDigit) && !id.isEmpty() && id.length() < 19) {
			number = Long.parseLong(id);
		}
		else {
			number = catalog.idOf(id).orElse(null);
		}
		if (number == null) {
			throw new ApiRefusal(HttpStatus.NOT_FOUND, "Không tìm thấy", "id", id, "Không có nhiệm vụ " + id);
		}
		long found = number;
		DirectiveView view = catalog.directive(found)
			.orElseThrow(() -> new ApiRefusal(HttpStatus.NOT_FOUND, "Không tìm thấy", "id", id, "Không có nhiệm vụ " + id))
			.directive();
		if (!viewer.sees(Dashboard.unitCodes(view))) {
			throw new ApiRefusal(HttpStatus.FORBIDDEN, "Không có quyền", null, null, "Nhiệm vụ này không thuộc đơn vị của bạn");
		}
		return view;
	}

	Target leadPart(String id, String unit, Viewer viewer) {
		DirectiveView view = directive(id, viewer);
		UnitPart part = Dashboard.leadParts(view).stream().filter(p -> p.code().equals(unit)).findFirst()
			.orElseThrow(() -> new ApiRefusal(HttpStatus.NOT_FOUND, "Không tìm thấy", "unit", unit,
					"Nhiệm vụ " + view.businessKey() + " không có đơn vị chủ trì " + unit));
		if (view.processInstanceId() == null) {
			throw new ApiRefusal(HttpStatus.CONFLICT, "Chưa theo dõi", null, null, "Nhiệm vụ chưa được đưa vào theo dõi");
		}
		return new Target(view, part);
	}

	Target ownPart(String id, String unit, Viewer viewer) {
		Target target = leadPart(id, unit, viewer);
		if (!viewer.actsFor(unit)) {
			throw new ApiRefusal(HttpStatus.FORBIDDEN, "Không có quyền", null, null,
					"Chỉ đơn vị chủ trì mới báo cáo hoặc đề nghị gia hạn phần việc của mình");
		}
		return target;
	}

	Target officePart(String id, String unit, Viewer viewer) {
		Target target = leadPart(id, unit, viewer);
		if (!viewer.tracks()) {
			throw new ApiRefusal(HttpStatus.FORBIDDEN, "Không có quyền", null, null,
					"Chỉ Văn phòng theo dõi mới xem xét báo cáo, quyết định gia hạn và đôn đốc");
		}
		return target;
	}

	String openCarryOut(Target target, String unit) {
		return lifecycle.part(target.view().processInstanceId(), unit)
			.map(UnitPartStatus::carryOutTaskId)
			.filter(Objects::nonNull)
			.orElseThrow(() -> new ApiRefusal(HttpStatus.CONFLICT, "Không thực hiện được", null, null,
					"Đơn vị không có việc đang mở trong nhiệm vụ này (báo cáo đang chờ xem xét, hoặc đã xong)"));
	}

	String officeTask(Target target, String unit, String key, String none) {
		for (Task task : tasks.createTaskQuery().processInstanceId(target.view().processInstanceId()).taskDefinitionKey(key).list()) {
			if (unit.equals(tasks.getVariable(task.getId(), DirectiveProcess.VAR_UNIT))) {
				return task.getId();
			}
		}
		throw new ApiRefusal(HttpStatus.CONFLICT, "Không thực hiện được", null, null, none);
	}

	PartState state(DirectiveView view, String unit) {
		UnitPartStatus part = lifecycle.part(view.processInstanceId(), unit).orElse(null);
		List<AttachmentInfo> files = attachments.of(view.id()).stream().filter(a -> a.unit().equals(unit)).toList();
		return new PartState(view.id(), view.businessKey(), part, files);
	}

	static void act(Runnable action) {
		try {
			action.run();
		}
		catch (LifecycleRequestRefused refused) {
			throw new ApiRefusal(HttpStatus.CONFLICT, "Không thực hiện được", null, null, String.join("; ", refused.problems()));
		}
		catch (OptimisticLockingException conflict) {
			throw new ApiRefusal(HttpStatus.CONFLICT, "Thay đổi cùng lúc", null, null,
					"Nhiệm vụ vừa được người khác thay đổi cùng lúc; hãy đọc lại và thử lại");
		}
	}

}
