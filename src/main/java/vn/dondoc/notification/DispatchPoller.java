package vn.dondoc.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link Notifications#dispatchPending()} every {@code dondoc.notification.poll-interval} on its own
 * thread, from the moment the application is up until it shuts down. Every node runs one; the leases in
 * the outbox keep them from sending the same message twice.
 */
class DispatchPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DispatchPoller.class);

	private final Notifications notifications;

	private final NotificationSettings settings;

	private ScheduledExecutorService executor;

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
		executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "notification-dispatcher");
			thread.setDaemon(true);
			return thread;
		});
		long every = settings.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::dispatch, every, every, TimeUnit.MILLISECONDS);
		log.info("Notification dispatcher sends due mail every {}s, {} per SMTP connection{}", every / 1000.0,
				settings.batchSize(), settings.digest() ? "; reminders go out as a digest on working days at "
						+ settings.digestAt() : "");
	}

	private void dispatch() {
		try {
			notifications.dispatchPending();
		}
		catch (RuntimeException e) {
			// e.g. the database is unreachable for a moment: the next run tries again
			log.error("Notification dispatch failed; trying again in {}", settings.pollInterval(), e);
		}
	}

	@Override
	public synchronized void stop() {
		if (executor != null) {
			executor.shutdown();
			try {
				// let a batch in flight finish, so its rows are recorded instead of waiting out their lease
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
