package vn.dondoc.web;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveStatus;
import vn.dondoc.security.Viewer;

/** The overview (matrix and timeline), the filtered list, and the login page. */
@Controller
class DashboardController {

	/** Units the overview's on-time chart shows (the worst); the trends page shows them all. */
	static final int OVERVIEW_TREND_UNITS = 10;

	private final Dashboard dashboard;

	private final DirectiveCatalog catalog;

	private final Trends trends;

	private final OverviewTrends overviewTrends;

	private final LoginSettings login;

	DashboardController(Dashboard dashboard, DirectiveCatalog catalog, Trends trends, OverviewTrends overviewTrends,
			LoginSettings login) {
		this.dashboard = dashboard;
		this.catalog = catalog;
		this.trends = trends;
		this.overviewTrends = overviewTrends;
		this.login = login;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("help", login.help());
		return "web/login";
	}

	@GetMapping("/")
	String overview(@RequestParam(required = false) String document, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) String process,
			Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		DirectiveQuery query = scoped(new DirectiveQuery(document, unit, null, quarter, 0, process), viewer);
		List<Dashboard.MatrixRow> rows = dashboard.matrix(viewer, query);
		model.addAttribute("query", query);
		model.addAttribute("rows", rows);
		model.addAttribute("totals", dashboard.totals(rows, query));
		model.addAttribute("timeline", dashboard.timeline(viewer, query));
		model.addAttribute("reviewQueue", dashboard.reviewQueue(viewer, query));
		OverviewTrends.Counted counted = overviewTrends.view(viewer, query, OVERVIEW_TREND_UNITS);
		model.addAttribute("trends", counted.view());
		model.addAttribute("trendsCountedAt", counted.at());
		model.addAttribute("trendsFreshMinutes", OverviewTrends.FRESH_MINUTES);
		model.addAttribute("trendsUrl", new DirectiveQuery(query.document(), query.unit(), null, null, 0, query.process()).url("/xu-huong"));
		filters(viewer, model);
		return "web/overview";
	}

	/** The trends of every unit the viewer sees, filtered by document, unit and process like the overview. */
	@GetMapping("/xu-huong")
	String trends(@RequestParam(required = false) String document, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String process, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		DirectiveQuery query = scoped(new DirectiveQuery(document, unit, null, null, 0, process), viewer);
		model.addAttribute("query", query);
		model.addAttribute("title", query.describe(dashboard::unitName, dashboard::processName));
		model.addAttribute("trends", trends.view(viewer, query, Integer.MAX_VALUE));
		model.addAttribute("trendsUrl", null);
		filters(viewer, model);
		return "web/trends";
	}

	@GetMapping("/directives")
	String list(@RequestParam(required = false) String document, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String status, @RequestParam(required = false) String quarter,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String process,
			@RequestParam(defaultValue = "0") int workPage, Authentication authentication, Model model) {
		Viewer viewer = Viewer.of(authentication);
		DirectiveQuery query = scoped(new DirectiveQuery(document, unit, status, quarter, page, process), viewer);
		Dashboard.Listing listing = dashboard.listing(viewer, query);
		Dashboard.WorkListing work = dashboard.workListing(viewer, query, workPage);
		model.addAttribute("query", query);
		model.addAttribute("listing", listing);
		model.addAttribute("work", work);
		model.addAttribute("showsDirectives", query.showsDirectives());
		model.addAttribute("previousWork", work.page() > 0 ? workPage(query, work.page() - 1) : null);
		model.addAttribute("nextWork", work.page() + 1 < work.pages() ? workPage(query, work.page() + 1) : null);
		model.addAttribute("title", query.describe(dashboard::unitName, dashboard::processName));
		model.addAttribute("previous", listing.page() > 0 ? query.withPage(listing.page() - 1).url("/directives") : null);
		model.addAttribute("next", listing.page() + 1 < listing.pages() ? query.withPage(listing.page() + 1).url("/directives") : null);
		model.addAttribute("exportUrl", query.withPage(0).url("/directives/export.xlsx"));
		filters(viewer, model);
		return "web/directives";
	}

	/** The list with another page of modelled work (the directives' page stays). */
	private static String workPage(DirectiveQuery query, int workPage) {
		return org.springframework.web.util.UriComponentsBuilder.fromUriString(query.url("/directives"))
			.queryParam("workPage", workPage)
			.build()
			.toUriString() + "#work";
	}

	/** A unit member asking for another unit is refused rather than shown an empty page. */
	private DirectiveQuery scoped(DirectiveQuery query, Viewer viewer) {
		if (query.unit() != null && !viewer.seesAll() && !viewer.units().contains(query.unit())) {
			throw new WebAdvice.NotYours("Bạn chỉ xem được nhiệm vụ của đơn vị mình.");
		}
		return query;
	}

	private void filters(Viewer viewer, Model model) {
		model.addAttribute("documents", catalog.latestDocuments(Dashboard.DOCUMENT_CHOICES));
		model.addAttribute("units", dashboard.selectableUnits(viewer));
		model.addAttribute("statuses", Dashboard.COLUMNS);
		model.addAttribute("quarters", dashboard.quarters(viewer));
		model.addAttribute("processes", dashboard.processes());
		model.addAttribute("directiveProcess", vn.dondoc.directive.DirectiveProcess.KEY);
		model.addAttribute("allStatuses", DirectiveStatus.values());
		model.addAttribute("awaitingReview", DirectiveCatalog.AWAITING_REVIEW);
		model.addAttribute("awaitingReviewChosen", model.getAttribute("query") instanceof DirectiveQuery query && query.awaitingReview());
	}

}
