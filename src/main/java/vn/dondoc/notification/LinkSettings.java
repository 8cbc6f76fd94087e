package vn.dondoc.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.util.UriUtils;

/**
 * Where dondoc is reached from a reader's mail client: the links in every message start with
 * {@code dondoc.base-url}. When it is not set, they start with {@code http://localhost:<port>}, the port
 * the web server really listens on ({@code server.port}, or the one it was given for {@code server.port=0}),
 * which is right on the machine itself and nowhere else: set it for a server that others reach.
 * <p>
 * A task of a modelled process (no directive behind it) is linked through {@code dondoc.work-url}, the one place
 * that says where such a task is opened: {@code {base-url}} and {@code {taskId}} in it are replaced.
 */
@ConfigurationProperties("dondoc")
class LinkSettings implements ApplicationListener<WebServerInitializedEvent> {

	private static final String LOCAL_DEFAULT = "http://localhost:8080";

	/** dondoc's page of a modelled task (which opens Tasklist for a task it does not track). */
	static final String WORK_URL_DEFAULT = "{base-url}/work/{taskId}";

	/** The configured address, or {@code null} to follow the web server's port. */
	private final String configured;

	private volatile String local = LOCAL_DEFAULT;

	private final String workUrl;

	/**
	 * @param baseUrl the public address of dondoc, e.g. {@code https://dondoc.thanhuy-haiphong.example}, or
	 * {@code null}/blank for {@code http://localhost:<the web server's port>}
	 */
	LinkSettings(String baseUrl) {
		this(baseUrl, null);
	}

	/**
	 * @param baseUrl as above
	 * @param workUrl where a mail about a task of a modelled process links, with {@code {base-url}} and {@code {taskId}}
	 * in it; {@code null}/blank for Camunda Tasklist ({@value #WORK_URL_DEFAULT})
	 */
	@ConstructorBinding
	LinkSettings(String baseUrl, String workUrl) {
		this.workUrl = workUrl == null || workUrl.isBlank() ? WORK_URL_DEFAULT : workUrl.strip();
		if (!this.workUrl.contains("{taskId}")) {
			throw new IllegalStateException("dondoc.work-url must contain {taskId}: " + workUrl);
		}
		this.configured = baseUrl == null || baseUrl.isBlank() ? null : withoutTrailingSlash(baseUrl.trim());
		if (configured != null) {
			URI.create(configured); // fail at start-up, not in the first reminder, when it is not a URL
		}
	}

	/** The main web server is up: without a configured address, links name its port. */
	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// the management server, when it has a port of its own, has a namespace; the main one has none
		if (event.getApplicationContext().getServerNamespace() == null && event.getWebServer().getPort() > 0) {
			local = "http://localhost:" + event.getWebServer().getPort();
		}
	}

	/** Where every link starts, without a trailing slash. */
	String baseUrl() {
		return configured != null ? configured : local;
	}

	/** The help page for officials, linked from the foot of every message. */
	String help() {
		return baseUrl() + "/huong-dan";
	}

	/** The directive's page in dondoc; its id ({@code KL-HNTU11-KXVI/I.2.3.1}) is one encoded path segment. */
	String directive(String directiveId) {
		if (directiveId == null || directiveId.isBlank()) {
			return null;
		}
		return baseUrl() + "/directives/" + UriUtils.encodePathSegment(directiveId, "UTF-8");
	}

	/** Where the unit opens a task of a modelled process ({@code dondoc.work-url}), or {@code null} without a task. */
	String work(String taskId) {
		if (taskId == null || taskId.isBlank()) {
			return null;
		}
		return workUrl.replace("{base-url}", baseUrl()).replace("{taskId}", UriUtils.encodePathSegment(taskId, "UTF-8"));
	}

	/** The page of the task a message is about: the directive's page, else the modelled task's. */
	String task(NotificationRequest request) {
		return request.modelledTask() ? work(request.taskId()) : directive(request.directiveId());
	}

	private static String withoutTrailingSlash(String url) {
		String trimmed = url;
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

}
