package vn.dondoc.notification;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.web.util.UriUtils;

/**
 * Where dondoc is reached from a reader's mail client: the links in every message start with
 * {@code dondoc.base-url}.
 *
 * @param baseUrl the public address of dondoc, e.g. {@code https://dondoc.thanhuy-haiphong.example}
 */
@ConfigurationProperties("dondoc")
record LinkSettings(String baseUrl) {

	LinkSettings {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.trim();
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
		URI.create(baseUrl); // fail at start-up, not in the first reminder, when it is not a URL
	}

	/** The help page for officials, linked from the foot of every message. */
	String help() {
		return baseUrl + "/huong-dan";
	}

	/** The directive's page in dondoc; its id ({@code KL-HNTU11-KXVI/I.2.3.1}) is one encoded path segment. */
	String directive(String directiveId) {
		if (directiveId == null || directiveId.isBlank()) {
			return null;
		}
		return baseUrl + "/directives/" + UriUtils.encodePathSegment(directiveId, "UTF-8");
	}

}
