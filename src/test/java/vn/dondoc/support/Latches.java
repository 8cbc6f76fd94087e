package vn.dondoc.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting on a latch inside callbacks that may not throw (a transaction held open until the test says so). */
public final class Latches {

	private Latches() {
	}

	/** Waits up to a minute for the latch; an interrupt ends the wait and is kept on the thread. */
	public static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
