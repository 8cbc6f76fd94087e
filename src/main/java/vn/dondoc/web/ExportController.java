package vn.dondoc.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dondoc.security.Viewer;
import vn.dondoc.unit.Unit;

/** {@code /directives/export.xlsx}: the list as it is filtered, as a workbook for the quarterly review meeting. */
@Controller
class ExportController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Dashboard dashboard;

	ExportController(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/directives/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String document, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String status, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String process, Authentication authentication) throws IOException {
		Viewer viewer = Viewer.of(authentication);
		DirectiveQuery query = new DirectiveQuery(document, unit, status, quarter, 0, process);
		if (query.unit() != null && !viewer.seesAll() && !viewer.units().contains(query.unit())) {
			throw new WebAdvice.NotYours("Bạn chỉ xuất được nhiệm vụ của đơn vị mình.");
		}
		Map<String, Integer> order = dashboard.selectableUnits(viewer).stream()
			.collect(Collectors.toMap(Unit::code, u -> dashboard.selectableUnits(viewer).indexOf(u), (a, b) -> a));
		List<Dashboard.Upcoming> parts = dashboard.parts(viewer, query).stream()
			.sorted(Comparator.comparing((Dashboard.Upcoming p) -> order.getOrDefault(p.part().code(), Integer.MAX_VALUE))
				.thenComparing(p -> p.part().dueDate(), Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(p -> p.directive().section()))
			.toList();
		List<Dashboard.MatrixRow> matrix = dashboard.matrix(viewer, query);
		LocalDate today = dashboard.today();
		String filters = query.describe(dashboard::unitName, dashboard::processName);
		List<vn.dondoc.work.WorkCatalog.WorkView> work = dashboard.workItems(viewer, query).stream()
			.sorted(Comparator.comparing((vn.dondoc.work.WorkCatalog.WorkView w) -> order.getOrDefault(w.unit(), Integer.MAX_VALUE))
				.thenComparing(vn.dondoc.work.WorkCatalog.WorkView::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		byte[] workbook = Workbook.write("Báo cáo tình hình thực hiện nhiệm vụ", filters, today, parts, work, matrix,
				dashboard.totals(matrix, query));
		String name = fileName(query, today, dashboard::unitName);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(name))
			.body(workbook);
	}

	/** "Theo dõi nhiệm vụ - Quý II-2023 - 27-11-2026.xlsx": what and when, in words a reader recognises. */
	static String fileName(DirectiveQuery query, LocalDate today, Function<String, String> unitName) {
		StringBuilder name = new StringBuilder("Theo dõi nhiệm vụ");
		if (query.quarter() != null) {
			name.append(" - ").append(DirectiveQuery.quarterLabel(query.quarter()).replace('/', '-'));
		}
		if (query.unit() != null) {
			name.append(" - ").append(unitName.apply(query.unit()));
		}
		name.append(" - ").append(today.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))).append(".xlsx");
		return name.toString().replaceAll("[\\\\/:*?\"<>|\\r\\n]", "-");
	}

	/** RFC 6266 with an RFC 5987 {@code filename*} for the Vietnamese name and a plain ASCII fallback. */
	static String contentDisposition(String name) {
		String ascii = java.text.Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9 ._-]", "_");
		String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

}
