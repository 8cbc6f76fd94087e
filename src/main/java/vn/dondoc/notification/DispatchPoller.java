package vn.dondoc.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link Notifications#dispatchPending()} in the background, from the moment the application is up
 * until it shuts down: as soon as a transaction that queued mail commits, and every
 * {@code dondoc.notification.poll-interval} for what is due later (retries, digests, rows queued on
 * other nodes). Up to {@code dondoc.notification.senders} runs go at once, each with its own SMTP
 * connection. Every node runs one; the leases in the outbox keep runs and nodes from sending the same
 * message twice.
 */
class DispatchPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchPoller.class);

	private final Notifications notifications;

	private final NotificationSettings settings;

	/** Something may be due: a run that starts after this was set will look. */
	private final AtomicBoolean pending = new AtomicBoolean();

	private final AtomicInteger running = new AtomicInteger();

	private volatile ScheduledExecutorService executor;

	/** Set on shutdown: runs end after the batch they are sending. */
	private volatile boolean stopping;

	DispatchPoller(Notifications notifications, NotificationSettings settings) {
		this.notifications = notifications;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (!settings.polls()) {
			log.info("Notification dispatcher is off (dondoc.notification.poll-interval={})", settings.pollInterval());
			return;
		}
		stopping = false;
		AtomicInteger threads = new AtomicInteger();
		executor = Executors.newScheduledThreadPool(settings.senders(), runnable -> {
			Thread thread = new Thread(runnable, "notification-dispatcher-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		long every = settings.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::wake, every, every, TimeUnit.MILLISECONDS);
		notifications.whenQueued(this::wake);
		log.info("Notification dispatcher sends queued mail once it is committed, and looks for due mail every {}s; "
				+ "{} at once, {} per SMTP connection{}", every / 1000.0, settings.senders(), settings.batchSize(),
				settings.digest() ? "; reminders go out as a digest on working days at " + settings.digestAt() : "");
	}

	/** Asks for a run soon; runs already going pick the request up, so a burst of calls costs little. */
	void wake() {
		pending.set(true);
		startRun();
	}

	private void startRun() {
		ScheduledExecutorService current = executor;
		if (current == null || current.isShutdown()) {
			return;
		}
		for (int busy = running.get(); busy < settings.senders(); busy = running.get()) {
			if (running.compareAndSet(busy, busy + 1)) {
				try {
					current.execute(this::run);
				}
				catch (RuntimeException rejected) {
					// shutting down: nothing is lost, the rows stay in the outbox
					running.decrementAndGet();
				}
				return;
			}
		}
	}

	private void run() {
		try {
			while (!stopping && pending.getAndSet(false)) {
				DispatchCounts counts = dispatch();
				if (counts.attempted() >= settings.batchSize()) {
					// a full run: there may be more
					pending.set(true);
				}
			}
		}
		finally {
			running.decrementAndGet();
			// a wake that came while this run was finishing found every sender busy
			if (pending.get()) {
				startRun();
			}
		}
	}

	private DispatchCounts dispatch() {
		try {
			return notifications.dispatchPending(() -> !stopping);
		}
		catch (RuntimeException e) {
			// e.g. the database is unreachable for a moment: the next run tries again
			log.error("Notification dispatch failed; trying again in {}", settings.pollInterval(), e);
			return DispatchCounts.NONE;
		}
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			stopping = true;
			notifications.whenQueued(null);
			executor.shutdown();
			try {
				// let the batches in flight finish, so their rows are recorded instead of waiting out their lease
				if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
					executor.shutdownNow();
				}
			}
			catch (InterruptedException e) {
				executor.shutdownNow();
				Thread.currentThread().interrupt();
			}
			executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

}
