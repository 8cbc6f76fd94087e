package vn.dondoc.workflow;

import java.io.IOException;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import vn.dondoc.directive.DirectiveHeadings;
import vn.dondoc.directive.DirectiveHeadings.Heading;
import vn.dondoc.unit.UnitDirectory;
import vn.dondoc.workflow.lifecycle.Dates;

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * The Tasklist forms of a directive's tasks show the document's title, the directive's text and its deadline
 * in words, the lead unit's name and the part's due date; the process no longer holds copies of them (issue 18:
 * variables are rows, kept per directive and part, and read back by no gateway). Camunda's answer to
 * {@code GET …/task/{id}/form-variables}, which Tasklist reads a form's data from, gets them here: the heading
 * from dondoc's rows ({@link DirectiveHeadings}), as they are now, after a re-import too; the unit's name from
 * the unit directory; the date's label from the part's due date. Only a task whose variables name its directive
 * ({@code directiveId}) is touched, only after Camunda answered 200 (the caller may see the task), and only the
 * names asked for when the request lists some ({@code variableNames}).
 */
@Component
class DirectiveFormVariables extends FilterRegistrationBean<DirectiveFormVariables.Fill> {

	DirectiveFormVariables(ObjectMapper json, DirectiveHeadings directives, UnitDirectory units, TaskService tasks) {
		super(new Fill(json, directives, units, tasks));
		addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
		setOrder(2);
	}

	static final class Fill extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(DirectiveFormVariables.class);

		private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables");

		private final ObjectMapper json;

		private final DirectiveHeadings directives;

		private final UnitDirectory units;

		private final TaskService tasks;

		Fill(ObjectMapper json, DirectiveHeadings directives, UnitDirectory units, TaskService tasks) {
			this.json = json;
			this.directives = directives;
			this.units = units;
			this.tasks = tasks;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() == HttpServletResponse.SC_OK && wrapper.getContentSize() > 0) {
				try {
					JsonNode body = json.readTree(wrapper.getContentAsByteArray());
					Matcher task = FORM_VARIABLES.matcher(request.getRequestURI());
					if (body instanceof ObjectNode variables && task.matches()
							&& fill(variables, task.group(1), request.getParameter("variableNames"))) {
						wrapper.resetBuffer();
						wrapper.getOutputStream().write(json.writeValueAsBytes(variables));
					}
				}
				catch (IOException | RuntimeException e) {
					// the form shows what Camunda gave; the directive's heading is missing from it, not the task
					log.warn("Form variables of {} answered without the directive's heading: {}", request.getRequestURI(),
							e.getMessage());
				}
			}
			wrapper.copyBodyToResponse();
		}

		/** Puts the directive's heading and the part's unit and date among the variables; whether anything was put. */
		private boolean fill(ObjectNode variables, String taskId, String asked) {
			Set<String> names = asked == null || asked.isBlank() ? null
					: Arrays.stream(asked.split(",")).map(String::strip).collect(Collectors.toSet());
			if (names != null && FILLED.stream().noneMatch(names::contains)) {
				return false;
			}
			Map<String, String> fields = fields(taskId);
			boolean filled = false;
			for (Map.Entry<String, String> field : fields.entrySet()) {
				if (names == null || names.contains(field.getKey())) {
					ObjectNode value = variables.putObject(field.getKey());
					if (field.getValue() == null) {
						value.put("type", "Null").putNull("value");
					}
					else {
						value.put("type", "String").put("value", field.getValue());
					}
					value.putObject("valueInfo");
					filled = true;
				}
			}
			return filled;
		}

		/** The form variables filled here: the directive's heading, then its unit's part. */
		static final List<String> FILLED = List.of(VAR_DOCUMENT_CODE, VAR_DOCUMENT_TITLE, VAR_SECTION, VAR_TEXT, VAR_DEADLINE_TEXT,
				VAR_UNIT_NAME, VAR_DUE_DATE_LABEL);

		/**
		 * What the form of a directive's task shows of the directive and of the unit's part, from the task's scope
		 * (the directive's id, the unit, the part's due date) and dondoc's rows; nothing for another task. Camunda
		 * answered 200: the caller may see the task.
		 */
		private Map<String, String> fields(String taskId) {
			Map<String, Object> scope = tasks.getVariables(taskId, List.of(VAR_DIRECTIVE_ID, VAR_UNIT, VAR_DUE_DATE));
			Optional<Heading> found = scope.get(VAR_DIRECTIVE_ID) instanceof Number id ? directives.heading(id.longValue())
					: Optional.empty();
			if (found.isEmpty()) {
				return Map.of();
			}
			Heading heading = found.get();
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put(VAR_DOCUMENT_CODE, heading.documentCode());
			fields.put(VAR_DOCUMENT_TITLE, heading.documentTitle());
			fields.put(VAR_SECTION, heading.section());
			fields.put(VAR_TEXT, heading.text());
			fields.put(VAR_DEADLINE_TEXT, heading.deadlineText());
			if (scope.get(VAR_UNIT) instanceof String unit) {
				fields.put(VAR_UNIT_NAME, units.nameOf(unit));
				fields.put(VAR_DUE_DATE_LABEL, Dates.label(scope.get(VAR_DUE_DATE) instanceof Date due ? due : null));
			}
			return fields;
		}

	}

}
