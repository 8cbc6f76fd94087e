package vn.dondoc.platform;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A job that does nothing: only its trigger's existence matters to the transaction test. */
public class NoOpJob implements Job {

	@Override
	public void execute(JobExecutionContext context) {
	}

}
