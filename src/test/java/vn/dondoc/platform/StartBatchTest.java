package vn.dondoc.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link StartBatch} on a real H2 database: what is deferred, when it is sent, and in which order. */
class StartBatchTest {

	private SingleConnectionDataSource dataSource;

	private JdbcTemplate jdbc;

	/** What the callbacks were told, in the order they were told. */
	private final List<String> order = new ArrayList<>();

	@BeforeEach
	void database() {
		dataSource = new SingleConnectionDataSource("jdbc:h2:mem:start-batch-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
		jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE part (directive_id BIGINT, unit VARCHAR(50), task_id VARCHAR(50), due_day DATE)");
		jdbc.execute("CREATE TABLE summary (directive_id BIGINT, times INT)");
		jdbc.update("INSERT INTO part VALUES (1, 'ban-to-chuc', NULL, DATE '2030-03-31'), (1, 'ban-dan-van', NULL, DATE '2030-03-31'), "
				+ "(2, 'ban-tuyen-giao', NULL, NULL)");
		jdbc.update("INSERT INTO summary VALUES (1, 0), (2, 0)");
	}

	@AfterEach
	void close() {
		dataSource.destroy();
	}

	@Test
	void outsideAStartNothingIsDeferredAndOnceRunsAtOnce() {
		assertThat(StartBatch.active()).isFalse();
		assertThat(StartBatch.defer("UPDATE part SET task_id = ? WHERE unit = ?", null, "t1", "ban-to-chuc")).isFalse();
		AtomicInteger ran = new AtomicInteger();
		StartBatch.once("k", ran::incrementAndGet);
		StartBatch.once("k", ran::incrementAndGet);
		assertThat(ran).hasValue(2);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM part WHERE task_id IS NOT NULL", Integer.class)).isZero();
	}

	@Test
	void deferredStatementsAreSentWhenTheStartReturnsWithTheirCountsAndOnceActionsAfterThem() {
		String result = StartBatch.run(jdbc, () -> {
			assertThat(StartBatch.active()).isTrue();
			for (String unit : List.of("ban-to-chuc", "ban-dan-van", "ban-tuyen-giao")) {
				StartBatch.defer("UPDATE part SET task_id = ? WHERE unit = ? AND due_day IS NOT NULL", count -> {
					order.add(unit + ":" + count);
					if (count == 0) {
						StartBatch.defer("UPDATE part SET task_id = ? WHERE unit = ?", null, "late-" + unit, unit);
					}
					else {
						StartBatch.once("summary 1", () -> jdbc.update("UPDATE summary SET times = times + 1 WHERE directive_id = 1"));
					}
				}, "task-" + unit, unit);
			}
			// nothing has reached the database yet
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM part WHERE task_id IS NOT NULL", Integer.class)).isZero();
			return "started";
		});

		assertThat(result).isEqualTo("started");
		assertThat(StartBatch.active()).isFalse();
		assertThat(order).containsExactly("ban-to-chuc:1", "ban-dan-van:1", "ban-tuyen-giao:0");
		assertThat(jdbc.queryForList("SELECT task_id FROM part ORDER BY unit", String.class))
			.containsExactly("task-ban-dan-van", "task-ban-to-chuc", "late-ban-tuyen-giao");
		assertThat(jdbc.queryForObject("SELECT times FROM summary WHERE directive_id = 1", Integer.class))
			.as("summed up once for its two changed parts").isOne();
	}

	@Test
	void aWriteThatIsNotDeferredFlushesFirstSoThatStatementsKeepTheirOrder() {
		StartBatch.run(jdbc, () -> {
			StartBatch.defer("UPDATE part SET task_id = ? WHERE unit = ?", null, "first", "ban-to-chuc");
			StartBatch.flush();
			jdbc.update("UPDATE part SET task_id = task_id || '+second' WHERE unit = 'ban-to-chuc'");
			return null;
		});
		assertThat(jdbc.queryForObject("SELECT task_id FROM part WHERE unit = 'ban-to-chuc'", String.class)).isEqualTo("first+second");
	}

	@Test
	void aStartThatFailsSendsNothingAndLeavesNoBatchBehind() {
		assertThatThrownBy(() -> StartBatch.run(jdbc, () -> {
			StartBatch.defer("UPDATE part SET task_id = ? WHERE unit = ?", null, "never", "ban-to-chuc");
			throw new IllegalStateException("start failed");
		})).hasMessage("start failed");
		assertThat(StartBatch.active()).isFalse();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM part WHERE task_id IS NOT NULL", Integer.class)).isZero();
	}

	@Test
	void startsDoNotNest() {
		assertThatThrownBy(() -> StartBatch.run(jdbc, () -> StartBatch.run(jdbc, () -> null)))
			.isInstanceOf(IllegalStateException.class);
		assertThat(StartBatch.active()).isFalse();
	}

}
