package vn.dondoc.draft;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBytes the largest conclusion file (Word, PDF, text) a draft is made from
 */
@ConfigurationProperties("dondoc.draft")
public record DraftSettings(Long maxBytes) {

	public DraftSettings {
		maxBytes = maxBytes == null ? 10L * 1024 * 1024 : maxBytes;
	}

}
