package vn.dondoc.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import vn.dondoc.DondocApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The operator's files — units.yml, reminder-policy.yml, holidays.yml — with a mistake in them: the whole
 * application refuses to start, and the failure names the file and the entry to fix.
 */
class ConfigFileStartupIT {

	@TempDir
	Path dir;

	static Stream<Arguments> brokenFiles() {
		return Stream.of(
				Arguments.of("dondoc.unit.file", """
						units:
						  - code: ban-a
						    name: Ban A
						    kind: BAN
						    mailboxes: ["ban-a@example.org\\r\\nBcc: x@evil.example"]
						    escalatesTo: ban-khong-co
						""", new String[] { "units[0].mailboxes[0]", "is not an e-mail address" }),
				Arguments.of("dondoc.unit.file", "units: [ { code: ban-a, name: Ban A\n",
						new String[] { "not valid YAML" }),
				Arguments.of("dondoc.reminder.policy-file", """
						default: tieu-chuan
						policies:
						  tieu-chuan:
						    steps:
						      - { id: nhac, when: 3 tuần trăng trước hạn, message: REMINDER, to: UNIT }
						      - { id: qua, when: 1 ngày sau hạn, message: LATE, to: UNIT }
						""", new String[] { "policies.tieu-chuan.steps[0]", "policies.tieu-chuan.steps[1]", "LATE" }),
				Arguments.of("dondoc.reminder.policy-file", "policies: { tieu-chuan: { steps: [ { id: a \n",
						new String[] { "not valid YAML" }),
				Arguments.of("dondoc.reminder.policy-file", "default: khong-co\npolicies:\n  a: { steps: [] }\n",
						new String[] { "default: unknown policy 'khong-co'" }),
				Arguments.of("dondoc.calendar.holidays-file", """
						years:
						  2024:
						    days-off:
						      - { date: 2024-02-30, name: Nghỉ bù, source: Công văn 1/VPCP }
						""", new String[] { "year 2024, entry days-off[0]", "2024-02-30" }));
	}

	@ParameterizedTest(name = "{0}: {2}")
	@MethodSource("brokenFiles")
	void refusesToStartNamingTheFileAndTheEntry(String property, String content, String[] expected) throws IOException {
		Path file = dir.resolve(UUID.randomUUID() + ".yml");
		Files.writeString(file, content, StandardCharsets.UTF_8);

		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(DondocApplication.class)
			.properties("dondoc.data-dir=" + dir.resolve("data"), "server.port=0", "dondoc.mail.embedded-port=0",
					"dondoc.demo.enabled=false", "camunda.bpm.job-execution.enabled=false",
					"spring.quartz.auto-startup=false", property + "=" + file)
			.run()
			.close());

		assertThat(failure).as("the start-up must fail").isNotNull();
		String messages = messages(failure);
		assertThat(messages).contains(file.toString()).contains(expected);
	}

	/** The messages of the exception and all its causes, as an operator reads them in the log. */
	private static String messages(Throwable failure) {
		StringBuilder all = new StringBuilder();
		for (Throwable t = failure; t != null; t = t.getCause()) {
			all.append(t.getMessage()).append('\n');
		}
		return all.toString();
	}

}
