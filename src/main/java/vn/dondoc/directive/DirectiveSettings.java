package vn.dondoc.directive;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dueSoonWorkingDays an open part is "sắp đến hạn" from this many working days before its due date
 * @param maxDocumentBytes the largest document accepted for import
 * @param directivesDir the folder of documents imported at start-up in the demo set-up
 */
@ConfigurationProperties("dondoc.directive")
public record DirectiveSettings(Integer dueSoonWorkingDays, Integer maxDocumentBytes, Path directivesDir) {

	public DirectiveSettings {
		dueSoonWorkingDays = dueSoonWorkingDays == null ? 5 : dueSoonWorkingDays;
		maxDocumentBytes = maxDocumentBytes == null ? 1_048_576 : maxDocumentBytes;
		directivesDir = directivesDir == null ? Path.of("config", "directives") : directivesDir;
	}

}
