package vn.dondoc.workflow;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the administrators' models live.
 *
 * @param modelDir the folder whose {@code .bpmn}, {@code .dmn} and {@code .form} files are deployed at
 * start-up; when it does not exist, the copies packaged in the jar ({@code classpath:bpmn/}) are used
 */
@ConfigurationProperties("dondoc.workflow")
public record WorkflowSettings(Path modelDir) {

	public WorkflowSettings {
		modelDir = modelDir == null ? Path.of("bpmn") : modelDir;
	}

}
