package vn.dondoc.notification;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** What a restarted node recognises as its own: {@code NotificationConfiguration.identity} and the node name. */
class NodeIdentityTest {

	@Test
	void theConfiguredNodeIdIsTheIdentityWithWhateverCannotStandInALeaseReplaced() {
		MockEnvironment environment = new MockEnvironment().withProperty("dondoc.notification.node-id", " hai phong/1 ")
			.withProperty("server.port", "8080");
		assertThat(NotificationConfiguration.identity(environment)).isEqualTo("hai-phong-1");
	}

	@Test
	void withoutANodeIdTheSameHostPortAndDatabaseAreTheSameNode() {
		String first = NotificationConfiguration.identity(node("8080", "jdbc:h2:file:/srv/dondoc/data/dondoc"));
		assertThat(NotificationConfiguration.identity(node("8080", "jdbc:h2:file:/srv/dondoc/data/dondoc"))).isEqualTo(first);
		assertThat(NotificationConfiguration.identity(node("8081", "jdbc:h2:file:/srv/dondoc/data/dondoc")))
			.as("another port: another node on this host").isNotEqualTo(first);
		assertThat(NotificationConfiguration.identity(node("8080", "jdbc:h2:file:/srv/dondoc-2/data/dondoc")))
			.as("another data folder").isNotEqualTo(first);
		assertThat(NotificationConfiguration.identity(node("0", "jdbc:h2:file:/srv/dondoc/data/dondoc")))
			.as("a random port is no identity").isNull();
	}

	@Test
	void aLongIdentityIsCutTheSameWayOnEveryStartAndTheNodeNameStillBeginsWithIt() {
		String longId = "dondoc-thanh-uy-hai-phong-phong-may-chu-tang-3-toa-nha-trung-tam-hanh-chinh-nut-";
		String identity = NotificationConfiguration.identity(
				new MockEnvironment().withProperty("dondoc.notification.node-id", longId + "1"));
		assertThat(identity).hasSizeLessThanOrEqualTo(NotificationConfiguration.IDENTITY_LENGTH)
			.isEqualTo(NotificationConfiguration.identity(new MockEnvironment().withProperty("dondoc.notification.node-id", longId + "1")))
			.as("a node whose long id differs only at the end")
			.isNotEqualTo(NotificationConfiguration.identity(new MockEnvironment().withProperty("dondoc.notification.node-id", longId + "2")));

		String name = NotificationConfiguration.nodeName(identity);
		assertThat(name).startsWith(identity + ":" + ProcessHandle.current().pid() + ":");
		// a run's lease is the node name, '/', the run's number: it must fit claimed_by (VARCHAR(100))
		assertThat(name + "/" + Long.MAX_VALUE).hasSizeLessThanOrEqualTo(100);
		assertThat(NotificationConfiguration.nodeName(identity)).as("unique per start").isNotEqualTo(name);
	}

	private static MockEnvironment node(String port, String database) {
		return new MockEnvironment().withProperty("server.port", port).withProperty("spring.datasource.url", database);
	}

}
