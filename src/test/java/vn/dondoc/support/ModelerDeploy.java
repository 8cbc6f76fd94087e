package vn.dondoc.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A model deployed as Camunda Modeler's Deploy button does it: multipart to {@code /engine-rest/deployment/create}
 * with the admin's HTTP Basic, the file under its own name. The model is
 * {@code src/test/resources/models/modeler-deadline-task.bpmn}, saved as Modeler saves it (with the "Nhiệm vụ có
 * thời hạn" template applied), its key, candidate groups and extension properties filled in.
 */
public final class ModelerDeploy {

	private ModelerDeploy() {
	}

	/** The Modeler-saved model with {@code key}, {@code candidateGroups} and {@code properties} (camunda:property lines). */
	public static String model(String key, String candidateGroups, String properties) throws IOException {
		return new ClassPathResource("models/modeler-deadline-task.bpmn").getContentAsString(StandardCharsets.UTF_8)
			.replace("PROCESS_KEY", key)
			.replace("CANDIDATE_GROUPS", candidateGroups)
			.replace("PROPERTIES", properties);
	}

	/** Deploys {@code model} as {@code fileName}; the engine's answer, whatever it is. */
	public static ResponseEntity<String> deploy(TestRestTemplate rest, String fileName, String model) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("deployment-name", fileName);
		form.add("deployment-source", "Camunda Modeler");
		form.add("deploy-changed-only", "true");
		HttpHeaders fileHeaders = new HttpHeaders();
		fileHeaders.setContentType(MediaType.APPLICATION_XML);
		form.add(fileName, new HttpEntity<>(new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}, fileHeaders));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
	}

}
