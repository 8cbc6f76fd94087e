package vn.dondoc.workflow;

import java.io.IOException;
import java.util.Arrays;
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

import static vn.dondoc.directive.DirectiveProcess.*;

/**
 * The Tasklist forms of a directive's tasks show the document's title, the directive's text and its deadline
 * in words; the process instance no longer holds copies of them (issue 18: variables are rows, kept per
 * directive and read back by no gateway). Camunda's answer to {@code GET …/task/{id}/form-variables}, which
 * Tasklist reads a form's data from, gets them here from dondoc's rows ({@link DirectiveHeadings}), as
 * they are now, after a re-import too. Only a task whose variables name its directive ({@code directiveId})
 * is touched, only after Camunda answered 200 (the caller may see the task), and only the names asked for
 * when the request lists some ({@code variableNames}).
 */
@Component
class DirectiveFormVariables extends FilterRegistrationBean<DirectiveFormVariables.Fill> {

	DirectiveFormVariables(ObjectMapper json, DirectiveHeadings directives, TaskService tasks) {
		super(new Fill(json, directives, tasks));
		addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
		setOrder(2);
	}

	static final class Fill extends OncePerRequestFilter {

		private static final Logger log = LoggerFactory.getLogger(DirectiveFormVariables.class);

		private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables");

		private final ObjectMapper json;

		private final DirectiveHeadings directives;

		private final TaskService tasks;

		Fill(ObjectMapper json, DirectiveHeadings directives, TaskService tasks) {
			this.json = json;
			this.directives = directives;
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

		/** Puts the directive's heading among the variables; whether anything was put. */
		private boolean fill(ObjectNode variables, String taskId, String asked) {
			Set<String> names = asked == null || asked.isBlank() ? null
					: Arrays.stream(asked.split(",")).map(String::strip).collect(Collectors.toSet());
			if (names != null && HEADING.stream().noneMatch(names::contains)) {
				return false;
			}
			Optional<Heading> heading = heading(variables, taskId, names != null);
			if (heading.isEmpty()) {
				return false;
			}
			boolean filled = false;
			for (Map.Entry<String, String> field : fields(heading.get()).entrySet()) {
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

		/**
		 * The heading of the task's directive, by the directive's id: as Camunda gave it, else, when the form
		 * asked for some names only, read from the task's scope (all of them would have named it). Camunda
		 * answered 200: the caller may see the task.
		 */
		private Optional<Heading> heading(ObjectNode variables, String taskId, boolean someAsked) {
			JsonNode given = variables.path(VAR_DIRECTIVE_ID).path("value");
			if (given.canConvertToLong()) {
				return directives.heading(given.asLong());
			}
			if (!someAsked) {
				return Optional.empty();
			}
			Object id = tasks.getVariable(taskId, VAR_DIRECTIVE_ID);
			return id instanceof Number number ? directives.heading(number.longValue()) : Optional.empty();
		}

		/** The form variables a directive's heading fills, as {@link #fields} names them. */
		static final List<String> HEADING = List.of(VAR_DOCUMENT_CODE, VAR_DOCUMENT_TITLE, VAR_SECTION, VAR_TEXT, VAR_DEADLINE_TEXT);

		private static Map<String, String> fields(Heading heading) {
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put(VAR_DOCUMENT_CODE, heading.documentCode());
			fields.put(VAR_DOCUMENT_TITLE, heading.documentTitle());
			fields.put(VAR_SECTION, heading.section());
			fields.put(VAR_TEXT, heading.text());
			fields.put(VAR_DEADLINE_TEXT, heading.deadlineText());
			return fields;
		}

	}

}
