package vn.dondoc.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When a form submitted in Tasklist is refused by the rules ({@code RequestRefused} in a task listener),
 * Camunda wraps the Vietnamese reason in two English sentences and a task id ("Cannot submit task form …:
 * ENGINE-03051 … Message: 'Exception while invoking TaskListener: …'") and answers 500. This leaves the
 * reason alone, as a 400, so the official reads only what to correct. Other errors pass unchanged.
 */
@Component
class TasklistRefusals extends FilterRegistrationBean<TasklistRefusals.Rewrite> {

	private static final Pattern WRAPPED = Pattern.compile("Exception while invoking TaskListener: (.+?)'?$", Pattern.DOTALL);

	TasklistRefusals(ObjectMapper json) {
		super(new Rewrite(json));
		addUrlPatterns("/camunda/api/engine/*");
		setOrder(1);
	}

	static final class Rewrite extends OncePerRequestFilter {

		private final ObjectMapper json;

		Rewrite(ObjectMapper json) {
			this.json = json;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			String uri = request.getRequestURI();
			return !"POST".equals(request.getMethod()) || !(uri.endsWith("/submit-form") || uri.endsWith("/complete"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
			chain.doFilter(request, wrapper);
			if (wrapper.getStatus() >= 400 && wrapper.getContentSize() > 0) {
				try {
					ObjectNode body = (ObjectNode) json.readTree(wrapper.getContentAsByteArray());
					Matcher reason = WRAPPED.matcher(body.path("message").asText(""));
					if (reason.find() && isRefusal(reason.group(1))) {
						body.put("message", reason.group(1));
						wrapper.resetBuffer();
						wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
						wrapper.getOutputStream().write(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
					}
				}
				catch (IOException | ClassCastException | IllegalStateException e) {
					// not Camunda's JSON error: leave it as it was
				}
			}
			wrapper.copyBodyToResponse();
		}

		/** The rules' refusals are Vietnamese sentences; an English one is an engine error to show as it is. */
		private static boolean isRefusal(String message) {
			return message.codePoints().anyMatch(c -> c > 0x7F);
		}

	}

}
