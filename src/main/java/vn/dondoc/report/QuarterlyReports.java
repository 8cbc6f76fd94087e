package vn.dondoc.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.dondoc.calendar.VietnamCalendar;
import vn.dondoc.directive.DirectiveCatalog.DocumentSummary;
import vn.dondoc.notification.MailFile;
import vn.dondoc.notification.ReportMail;
import vn.dondoc.notification.ReportMails;
import vn.dondoc.unit.Unit;
import vn.dondoc.unit.UnitDirectory;

/**
 * The progress report sent by itself ({@code dondoc.report.schedule: quarterly}): on the first working day of each
 * quarter (the Vietnamese calendar's: a quarter starting on a holiday waits for the next working day), at
 * {@code dondoc.report.at}, one e-mail per document that still has open work, the report attached, to the mailboxes
 * of {@code dondoc.report.recipients}. A daily Quartz job in the clustered store fires on one node; the outbox key
 * (document and quarter) keeps it to one e-mail per document and quarter whatever fires twice.
 */
@Component
class QuarterlyReports {

	private static final Logger log = LoggerFactory.getLogger(QuarterlyReports.class);

	static final JobKey JOB = JobKey.jobKey("progress-report", "report");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final Scheduler scheduler;

	private final ProgressReports reports;

	private final ReportMails mails;

	private final UnitDirectory units;

	private final VietnamCalendar calendar;

	private final ProgressReportSettings settings;

	QuarterlyReports(Scheduler scheduler, ProgressReports reports, ReportMails mails, UnitDirectory units, VietnamCalendar calendar,
			ProgressReportSettings settings) {
		this.scheduler = scheduler;
		this.reports = reports;
		this.mails = mails;
		this.units = units;
		this.calendar = calendar;
		this.settings = settings;
	}

	/** Schedules (or moves, or removes) the daily look; every node does so, the last one wins. */
	@EventListener(ApplicationReadyEvent.class)
	void schedule() throws SchedulerException {
		if (settings.schedule() == ProgressReportSettings.Schedule.NEVER) {
			scheduler.deleteJob(JOB);
			log.info("Quarterly progress report is off (dondoc.report.schedule = never)");
			return;
		}
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity(JOB.getName(), JOB.getGroup())
			.withSchedule(CronScheduleBuilder.dailyAtHourAndMinute(settings.at().getHour(), settings.at().getMinute())
				.inTimeZone(TimeZone.getTimeZone(calendar.zone()))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		scheduler.scheduleJob(JobBuilder.newJob(ReportJob.class).withIdentity(JOB).storeDurably()
			.withDescription("Gửi báo cáo tình hình thực hiện vào ngày làm việc đầu tiên của quý").build(), Set.of(trigger), true);
		log.info("Quarterly progress report on the first working day of each quarter at {} to {} (dondoc.report.*)", settings.at(),
				String.join(", ", settings.recipients()));
	}

	/** The first working day of the quarter that holds {@code day}. */
	LocalDate firstWorkingDayOfQuarter(LocalDate day) {
		LocalDate start = LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
		return calendar.workingDayOnOrAfter(start);
	}

	/**
	 * On the first working day of a quarter, queues the report of each document with open work that was not sent
	 * this quarter yet; any other day nothing. Returns how many e-mails were queued.
	 */
	int sendIfDue(Instant now) {
		if (settings.schedule() == ProgressReportSettings.Schedule.NEVER) {
			return 0;
		}
		LocalDate day = calendar.toLocalDate(now);
		if (!day.equals(firstWorkingDayOfQuarter(day))) {
			return 0;
		}
		Recipients recipients = recipients();
		if (recipients.to().isEmpty()) {
			log.warn("Quarterly progress report: no mailbox among dondoc.report.recipients {}; nothing sent", settings.recipients());
			return 0;
		}
		String quarter = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
		int queued = 0;
		for (DocumentSummary document : reports.documentsWithOpenWork()) {
			String key = "progress-report/" + document.code() + "/" + quarter;
			if (mails.queued(key)) {
				continue;
			}
			try {
				queued += send(document, key, recipients) ? 1 : 0;
			}
			catch (RuntimeException e) {
				// one document's trouble must not keep the others' reports back; the next firing tries it again
				log.error("Quarterly progress report of {} could not be queued: {}", document.code(), e.getMessage(), e);
			}
		}
		log.info("Quarterly progress report of {}: {} e-mail(s) queued", quarter, queued);
		return queued;
	}

	private boolean send(DocumentSummary document, String key, Recipients recipients) {
		ProgressReports.Scope scope = ProgressReports.Scope.ofDocument(document.code());
		ProgressReports.Figures figures = reports.figures(scope);
		byte[] docx = ProgressDocument.write(figures, settings);
		String title = "Báo cáo t" + ProgressDocument.title(figures).substring(1);
		ProgressReports.Summary s = figures.summary();
		List<String> lines = List.of("Tổng số phần việc được giao cho đơn vị chủ trì: " + s.assigned() + ".",
				"Đã hoàn thành đúng hạn: " + s.doneOnTime() + "; hoàn thành quá hạn: " + s.doneLate() + ".",
				"Đang thực hiện, còn trong hạn: " + s.inProgress() + (s.dueSoon() > 0 ? " (" + s.dueSoon() + " sắp đến hạn)" : "") + ".",
				"Quá hạn, chưa hoàn thành: " + s.overdue() + ".",
				"Chờ sự kiện: " + s.awaitingEvent() + "; thực hiện thường xuyên: " + s.ongoing() + ".");
		String subject = "Báo cáo tình hình thực hiện " + ProgressDocument.reference(document).split(" ngày ")[0] + " (số liệu đến ngày "
				+ figures.asOf().format(DAY) + ")";
		return mails.enqueue(new ReportMail(key, recipients.to(), recipients.names(), subject, title, lines,
				new MailFile(ProgressReports.fileName(scope, figures.asOf()), DOCX, docx)));
	}

	private record Recipients(List<String> to, List<String> names) {
	}

	private Recipients recipients() {
		Set<String> to = new LinkedHashSet<>();
		List<String> names = new ArrayList<>();
		for (String reference : settings.recipients()) {
			for (String code : units.expand(reference).orElse(List.of())) {
				Unit unit = units.find(code).orElse(null);
				if (unit != null && !unit.mailboxes().isEmpty()) {
					to.addAll(unit.mailboxes());
					names.add(unit.name());
				}
			}
		}
		return new Recipients(List.copyOf(to), names);
	}

	/** The Quartz job: one at a time in the whole cluster. */
	@DisallowConcurrentExecution
	public static class ReportJob implements Job {

		private final QuarterlyReports reports;

		private final java.time.Clock clock;

		public ReportJob(QuarterlyReports reports, java.time.Clock clock) {
			this.reports = reports;
			this.clock = clock;
		}

		@Override
		public void execute(JobExecutionContext context) {
			reports.sendIfDue(clock.instant());
		}

	}

}
