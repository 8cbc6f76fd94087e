package vn.dondoc.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.dondoc.directive.DirectiveProcess;
import vn.dondoc.support.NodeProcess;

/**
 * The real part of the scale benchmark's data: documents imported through {@code POST /api/documents} into
 * a running node, and then worked on through Camunda's REST API the way units and the office work on them
 * (reports submitted and accepted, reports waiting for review, extensions asked for). Its mix, counted from
 * today: about 15 % of the directives overdue (their overdue timers fire, the office gets a follow-up task,
 * the reminder ladder catches up), 10 % due within a week, 55 % due later, 10 % ongoing work ("tiếp tục",
 * reported each quarter), 5 % waiting on an event (no date) and 5 % due "trong quý …"; most directives
 * have one lead unit, some two or three, one in twenty a group of six; two in five name a coordinating unit.
 * Fixed random seed: the same documents every run for the same day.
 */
final class ScaleSample {

	static final int DIRECTIVES_PER_DOCUMENT = 10;

	/** Every unit of config/units.yml that documents hand work to. */
	static final List<String> UNITS = List.of("van-phong-thanh-uy", "ban-to-chuc", "ban-tuyen-giao", "ban-dan-van",
			"ban-noi-chinh", "uy-ban-kiem-tra", "bcsd-ubnd", "dd-hdnd", "dd-mttq", "dd-ldld", "dd-hoi-nong-dan", "dd-hoi-phu-nu",
			"dd-hoi-ccb", "bt-thanh-doan", "qu-hong-bang", "qu-ngo-quyen", "qu-le-chan", "qu-hai-an", "qu-kien-an", "qu-do-son",
			"qu-duong-kinh", "hu-thuy-nguyen", "hu-an-duong", "hu-an-lao", "hu-kien-thuy", "hu-tien-lang", "hu-vinh-bao",
			"hu-cat-hai", "hu-bach-long-vi", "du-khoi-co-quan", "du-khoi-doanh-nghiep", "du-quan-su", "du-cong-an",
			"du-bien-phong", "uy-vien-thanh-uy");

	static final List<String> GROUPS = List.of("@cac-ban-thanh-uy", "@mttq-va-doan-the");

	/** The first document's number; document {@code i} is {@code (FIRST_NUMBER + i)-TB/TU}. */
	static final int FIRST_NUMBER = 1000;

	private static final ObjectMapper JSON = new ObjectMapper();

	private ScaleSample() {
	}

	static String code(int document) {
		return (FIRST_NUMBER + document) + "-TB/TU";
	}

	/** {@code documents} documents of {@value #DIRECTIVES_PER_DOCUMENT} directives each, dated around {@code today}. */
	static List<String> documents(int documents, LocalDate today) {
		Random random = new Random(20230413L);
		List<String> yaml = new ArrayList<>();
		for (int d = 0; d < documents; d++) {
			LocalDate issued = today.minusDays(30 + random.nextInt(150));
			StringBuilder out = new StringBuilder();
			out.append("code: ").append(code(d)).append('\n')
				.append("title: \"Thông báo kết luận của Ban Thường vụ Thành ủy số ").append(code(d)).append("\"\n")
				.append("issuedBy: \"Ban Thường vụ Thành ủy Hải Phòng\"\n")
				.append("issuedOn: ").append(issued).append('\n')
				.append("signer: \"T/M Ban Thường vụ, Phó Bí thư Thường trực\"\n")
				.append("directives:\n");
			for (int k = 1; k <= DIRECTIVES_PER_DOCUMENT; k++) {
				out.append("  - section: \"").append(k).append("\"\n");
				out.append("    text: \"").append(text(random)).append("\"\n");
				List<String> leads = leads(random);
				out.append("    lead: [\"").append(String.join("\", \"", leads)).append("\"]\n");
				String coordinating = UNITS.get(random.nextInt(UNITS.size()));
				if (random.nextInt(5) < 2 && !leads.contains(coordinating) && leads.stream().noneMatch(l -> l.startsWith("@"))) {
					out.append("    coordinating: [").append(coordinating).append("]\n");
				}
				out.append("    ").append(deadline(random, issued, today)).append('\n');
			}
			yaml.add(out.toString());
		}
		return yaml;
	}

	private static List<String> leads(Random random) {
		int kind = random.nextInt(100);
		if (kind < 5) {
			return List.of(GROUPS.get(random.nextInt(GROUPS.size())));
		}
		int count = kind < 83 ? 1 : kind < 97 ? 2 : 3;
		List<String> units = new ArrayList<>();
		while (units.size() < count) {
			String unit = UNITS.get(random.nextInt(UNITS.size()));
			if (!units.contains(unit)) {
				units.add(unit);
			}
		}
		return units;
	}

	private static String deadline(Random random, LocalDate issued, LocalDate today) {
		int kind = random.nextInt(100);
		if (kind < 15) {
			// overdue: due between two months ago and yesterday, never before the issue date
			LocalDate due = today.minusDays(1 + random.nextInt(60));
			return "dueDate: " + (due.isBefore(issued) ? issued : due);
		}
		if (kind < 25) {
			return "dueDate: " + today.plusDays(random.nextInt(7));
		}
		if (kind < 80) {
			return "dueDate: " + today.plusDays(10 + random.nextInt(290));
		}
		if (kind < 90) {
			return random.nextBoolean() ? "deadline: \"tiếp tục\"" : "deadline: \"thường xuyên\"";
		}
		if (kind < 95) {
			return "deadline: \"trước khi trình HĐND thành phố\"";
		}
		LocalDate later = today.plusMonths(3 + random.nextInt(6));
		return "deadline: \"trong quý " + List.of("I", "II", "III", "IV").get((later.getMonthValue() - 1) / 3) + " năm "
				+ later.getYear() + "\"";
	}

	private static final String[] VERBS = { "Tham mưu xây dựng", "Chủ trì triển khai", "Rà soát, đánh giá", "Tổ chức sơ kết",
			"Kiểm tra, giám sát việc thực hiện", "Hoàn thiện và trình Ban Thường vụ" };

	private static final String[] OBJECTS = { "kế hoạch luân chuyển cán bộ", "đề án phát triển nguồn nhân lực chất lượng cao",
			"quy chế làm việc của cấp ủy cơ sở", "chương trình chuyển đổi số trong cơ quan đảng",
			"công tác phòng, chống tham nhũng, tiêu cực", "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
			"nhiệm vụ phát triển kinh tế - xã hội của địa phương", "công tác dân vận của chính quyền các cấp" };

	private static String text(Random random) {
		return VERBS[random.nextInt(VERBS.length)] + " " + OBJECTS[random.nextInt(OBJECTS.length)]
				+ "; báo cáo kết quả về Thường trực Thành ủy (qua Văn phòng Thành ủy) theo quy định.";
	}

	/** Imports the documents from 4 threads; fails on the first one refused. */
	static void importAll(NodeProcess node, List<String> documents) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		AtomicInteger next = new AtomicInteger();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < documents.size(); i = next.getAndIncrement()) {
						HttpResponse<String> response = Bench.importDocument(node, documents.get(i));
						if (response.statusCode() != 201) {
							throw new IllegalStateException("document " + i + ": " + response.statusCode() + " " + response.body());
						}
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** What the sample's units and office did, counted. */
	record Work(int accepted, int waitingForReview, int extensionsAsked) {
	}

	/**
	 * Works on the sample through {@code /engine-rest} as the admin, as units and the office would in
	 * Tasklist: on directives with several lead units, one unit in three reports its part completed and the
	 * office accepts it, one in six reports and waits for the review; one single-unit directive in twenty asks
	 * for an extension.
	 */
	static Work work(NodeProcess node, Connection db, LocalDate today) throws Exception {
		Map<String, List<String>> openTasks = new LinkedHashMap<>();
		Map<String, LocalDate> dueDates = new LinkedHashMap<>();
		try (Statement statement = db.createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT d.business_key, u.task_id, u.due_date FROM directive d JOIN directive_unit u ON u.directive_id = d.id
						WHERE u.role = 'LEAD' AND u.task_id IS NOT NULL AND u.completed_at IS NULL ORDER BY d.id, u.unit_code""")) {
			while (rs.next()) {
				openTasks.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2));
				if (rs.getDate(3) != null) {
					dueDates.put(rs.getString(2), rs.getDate(3).toLocalDate());
				}
			}
		}
		Random random = new Random(7L);
		int accepted = 0;
		int waiting = 0;
		int extensions = 0;
		for (List<String> tasks : openTasks.values()) {
			int pick = random.nextInt(60);
			if (tasks.size() > 1 && pick < 20) {
				completePart(node, tasks.get(0));
				accepted++;
			}
			else if (tasks.size() > 1 && pick < 30) {
				report(node, tasks.get(0));
				waiting++;
			}
			else if (tasks.size() == 1 && pick < 3) {
				LocalDate due = dueDates.getOrDefault(tasks.get(0), today);
				complete(node, tasks.get(0), Map.of(DirectiveProcess.VAR_UNIT_ACTION, DirectiveProcess.ACTION_REQUEST_EXTENSION,
						DirectiveProcess.VAR_REQUESTED_DUE_DATE, java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format((due.isAfter(today) ? due : today).plusDays(30 + random.nextInt(60))),
						DirectiveProcess.VAR_EXTENSION_REASON, "Cần thêm thời gian để lấy ý kiến các cơ quan liên quan."));
				extensions++;
			}
		}
		return new Work(accepted, waiting, extensions);
	}

	/** The unit reports its part completed and the office accepts the report. */
	static void completePart(NodeProcess node, String carryOutTaskId) throws Exception {
		String review = officeTask(node, report(node, carryOutTaskId), DirectiveProcess.TASK_REVIEW_REPORT);
		complete(node, review, Map.of(DirectiveProcess.VAR_REVIEW_DECISION, DirectiveProcess.REVIEW_ACCEPT,
				DirectiveProcess.VAR_REVIEW_COMMENT, "Đã xem báo cáo; đề nghị tiếp tục theo dõi các đơn vị còn lại.",
				DirectiveProcess.VAR_END_TRACKING, false));
	}

	/** The unit reports its part completed; returns the process instance id. */
	private static String report(NodeProcess node, String taskId) throws Exception {
		JsonNode task = JSON.readTree(ok(Bench.call(node, "GET", "/engine-rest/task/" + taskId, null)).body());
		complete(node, taskId, Map.of(DirectiveProcess.VAR_UNIT_ACTION, DirectiveProcess.ACTION_REPORT,
				DirectiveProcess.VAR_REPORT_STATUS, DirectiveProcess.REPORT_COMPLETED,
				DirectiveProcess.VAR_REPORT_TEXT, "Đơn vị đã hoàn thành nhiệm vụ được giao; kết quả cụ thể như văn bản gửi kèm."));
		return task.get("processInstanceId").asText();
	}

	private static String officeTask(NodeProcess node, String processInstanceId, String key) throws Exception {
		JsonNode tasks = JSON.readTree(ok(Bench.call(node, "GET",
				"/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + key, null)).body());
		if (tasks.size() != 1) {
			throw new IllegalStateException("expected one " + key + " task in " + processInstanceId + ", found " + tasks);
		}
		return tasks.get(0).get("id").asText();
	}

	private static void complete(NodeProcess node, String taskId, Map<String, Object> variables) throws Exception {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		ok(Bench.call(node, "POST", "/engine-rest/task/" + taskId + "/complete", JSON.writeValueAsString(Map.of("variables", typed))));
	}

	private static HttpResponse<String> ok(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " " + response.body());
		}
		return response;
	}

}
