package vn.dondoc.directive;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dueSoonWorkingDays an open part is "sắp đến hạn" from this many working days before its due date
 * @param maxDocumentBytes the largest document accepted for import
 * @param directivesDir the folder of documents imported at start-up in the demo set-up
 * @param importTimeout an import (or re-import) running longer is stopped and rolled back with a message
 */
@ConfigurationProperties("dondoc.directive")
public record DirectiveSettings(Integer dueSoonWorkingDays, Integer maxDocumentBytes, Path directivesDir,
		Duration importTimeout) {

	public DirectiveSettings {
		dueSoonWorkingDays = dueSoonWorkingDays == null ? 5 : dueSoonWorkingDays;
		maxDocumentBytes = maxDocumentBytes == null ? 1_048_576 : maxDocumentBytes;
		directivesDir = directivesDir == null ? Path.of("config", "directives") : directivesDir;
		importTimeout = importTimeout == null ? Duration.ofMinutes(5) : importTimeout;
	}

}
