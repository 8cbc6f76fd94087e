package vn.dondoc.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.dondoc.directive.DirectiveCatalog;
import vn.dondoc.directive.DirectiveCatalog.DirectiveView;
import vn.dondoc.directive.DocumentImporter;
import vn.dondoc.workflow.DirectiveLifecycle;
import vn.dondoc.workflow.ReportStatus;
import vn.dondoc.workflow.ResultReport;
import vn.dondoc.workflow.UnitPartStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages an official reads every day, through a real HTTP connection and a real sign-in (so that error
 * pages go through the servlet container's error dispatch, as in a browser): names where codes were, a
 * unit's own part first and the others folded, errors in Vietnamese in the dashboard's layout, the help
 * page, and the API readable in the same browser session.
 */
@DashboardIT
class DailyLoopPagesIT {

	static final String DOCUMENT = "WEB-DAILY";

	static final List<String> EIGHT_UNITS = List.of("ban-to-chuc", "ban-tuyen-giao", "ban-dan-van", "ban-noi-chinh", "uy-ban-kiem-tra",
			"bcsd-ubnd", "dd-hdnd", "dd-mttq");

	@LocalServerPort
	int port;

	@Autowired
	DocumentImporter importer;

	@Autowired
	DirectiveCatalog catalog;

	@Autowired
	DirectiveLifecycle lifecycle;

	DirectiveView shared;

	@BeforeEach
	void importTheDocument() {
		String document = """
				code: %s
				title: "Thông báo kết luận kiểm thử công việc hằng ngày"
				issuedBy: "Ban Thường vụ Thành ủy"
				issuedOn: %s
				signer: "Thường trực Thành ủy"
				directives:
				  - section: "1"
				    text: "Các ban, đảng đoàn, ban cán sự đảng rà soát, báo cáo kết quả thực hiện quy chế làm việc."
				    lead: [%s]
				    dueDate: %s
				""".formatted(DOCUMENT, Documents.today().minusDays(10), String.join(", ", EIGHT_UNITS), Documents.today().plusDays(20));
		importer.importDocument(document, "yaml", "test", false);
		shared = catalog.directives(new DirectiveCatalog.Filter(DOCUMENT, null, null), 0, 10).items().get(0);
	}

	@Test
	void aUnitSeesNamesItsOwnPartFirstAndTheOthersFolded() throws Exception {
		Session unit = signIn("ban-to-chuc");
		String overview = unit.get("/").body();
		assertThat(header(overview)).contains("Ban Tổ chức Thành ủy").doesNotContain("ban-to-chuc");

		String list = unit.get("/directives?document=" + DOCUMENT).body();
		String leads = between(list, "<td class=\"leads\"", "</td>");
		assertThat(leads).contains("Ban Tổ chức Thành ủy").contains("7 đơn vị khác: 7 trong hạn");
		assertThat(leads.indexOf("Ban Tổ chức Thành ủy")).isLessThan(leads.indexOf("<details"));

		String page = unit.get("/directives/" + shared.id()).body();
		// one full panel, the unit's own; the seven others in one folded table
		assertThat(Pattern.compile("<details class=\"card part\"").matcher(page).results().count()).isEqualTo(1);
		assertThat(between(page, "<details class=\"card part\"", "</summary>")).contains("Ban Tổ chức Thành ủy");
		assertThat(between(page, "id=\"other-units\"", "</details>")).contains("Các đơn vị chủ trì khác (<span>7</span>)")
			.contains("Ban Tuyên giáo Thành ủy");
	}

	@Test
	void theOfficeSeesThreeLeadUnitsAndTheRestCountedByStatus() throws Exception {
		Session office = signIn("vanphong");
		assertThat(header(office.get("/").body())).contains("Văn phòng").contains("Văn phòng theo dõi").doesNotContain("vanphong");
		String leads = between(office.get("/directives?document=" + DOCUMENT).body(), "<td class=\"leads\"", "</td>");
		assertThat(leads).contains("5 đơn vị khác: 5 trong hạn");
	}

	@Test
	void theHistoryAndTheReportsNameThePeopleNotTheirAccounts() throws Exception {
		UnitPartStatus part = lifecycle.part(shared.processInstanceId(), "ban-to-chuc").orElseThrow();
		lifecycle.submitReport(part.carryOutTaskId(), new ResultReport(ReportStatus.COMPLETED, "Đã rà soát xong.", null), "ban-to-chuc");

		String page = signIn("vanphong").get("/directives/" + shared.id()).body();
		String history = between(page, "id=\"history\"", "</table>");
		assertThat(history).contains("Ban Tổ chức Thành ủy").doesNotContain(">ban-to-chuc<");
		assertThat(between(page, "class=\"list reports\"", "</table>")).contains("– Ban Tổ chức Thành ủy");
		assertThat(page).doesNotContain("(nhac-han").doesNotContain("(qua-han");
	}

	@Test
	void theHistoryOfASharedDirectiveIsShortForEveryReader() throws Exception {
		Session office = signIn("vanphong");
		String page = "/directives/" + shared.id();
		// the eight assignment notices go out by their own Quartz triggers, just after the import
		await().atMost(Duration.ofSeconds(30)).until(() -> office.get(page).body().contains("Gửi thư: Giao nhiệm vụ (8 thư)"));
		String officeHistory = between(office.get(page).body(), "id=\"history\"", "</table>");
		assertThat(officeHistory).contains("Xem từng thư").contains("Ban Tuyên giáo Thành ủy").contains("Ban Tổ chức Thành ủy");

		String unitHistory = between(signIn("ban-to-chuc").get(page).body(), "id=\"history\"", "</table>");
		assertThat(unitHistory).contains("Gửi thư: Giao nhiệm vụ").contains("Ban Tổ chức Thành ủy")
			.doesNotContain("Ban Tuyên giáo Thành ủy (hạn").doesNotContain("(8 thư)");
	}

	@Test
	void errorPagesAreInVietnameseInTheDashboardsLayout() throws Exception {
		Session unit = signIn("ban-to-chuc");
		for (String path : List.of("/mailbox", "/import", "/drafts")) {
			HttpResponse<String> refused = unit.get(path);
			assertThat(refused.statusCode()).as(path).isEqualTo(403);
			assertThat(refused.body()).as(path).contains("Không có quyền").contains("Văn phòng").contains("class=\"bar\"")
				.doesNotContain("Whitelabel").doesNotContain("Forbidden");
		}
		HttpResponse<String> missing = unit.get("/khong-co-trang-nay");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Không tìm thấy").contains("/khong-co-trang-nay").doesNotContain("Whitelabel");

		HttpResponse<String> noDirective = unit.get("/directives/987654321");
		assertThat(noDirective.statusCode()).isEqualTo(404);
		assertThat(noDirective.body()).contains("Không có nhiệm vụ");

		// a failure: the container hands every uncaught exception to /error, which answers 500 with this page
		HttpResponse<String> failed = unit.get("/error");
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.body()).contains("Đã có lỗi").contains("không có gì bị lưu dở dang").contains("class=\"bar\"")
			.contains("Ban Tổ chức Thành ủy").doesNotContain("Whitelabel").doesNotContain("Internal Server Error");
	}

	@Test
	void theHelpPageExplainsStatusesReportsAndRoles() throws Exception {
		HttpResponse<String> help = signIn("ban-to-chuc").get("/huong-dan");
		assertThat(help.statusCode()).isEqualTo(200);
		assertThat(help.body()).contains("Hướng dẫn sử dụng dondoc").contains("quá hạn").contains("Đề nghị gia hạn")
			.contains("Ai được làm gì").contains("05/03/2027");
		assertThat(signIn("vanphong").get("/").body()).contains("href=\"/huong-dan\"");
	}

	@Test
	void theNotificationLinkWorksWithTheSessionAndTheBusinessKey() throws Exception {
		Session office = signIn("vanphong");
		String page = office.get("/directives/" + shared.id()).body();
		Matcher link = Pattern.compile("href=\"(/api/notifications\\?directive=[^\"]+)\"").matcher(page);
		assertThat(link.find()).isTrue();
		String address = link.group(1).replace("&amp;", "&");
		// the assignment notices are queued by their own Quartz trigger, just after the import
		await().atMost(Duration.ofSeconds(30)).until(() -> office.get(address).body().contains("\"directiveId\""));
		HttpResponse<String> sent = office.get(address);
		assertThat(sent.statusCode()).isEqualTo(200);
		assertThat(sent.body()).contains("\"items\"").contains("\"directiveId\":\"" + shared.id() + "\"");

		HttpResponse<String> unknown = office.get("/api/notifications?directive=" + URLEncoder.encode("KHONG-CO/1", StandardCharsets.UTF_8));
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(unknown.body()).contains("\"total\":0");

		// the session reads; it never writes through the API (no CSRF token there): that still needs HTTP Basic
		HttpResponse<String> write = office.send(HttpRequest.newBuilder(office.uri("/api/documents"))
			.header("Content-Type", "application/yaml")
			.POST(HttpRequest.BodyPublishers.ofString("code: X")));
		assertThat(write.statusCode()).isEqualTo(401);
	}

	@Test
	void theApiDescriptionIsReadWithHttpBasicOrTheDashboardsSession() throws Exception {
		String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("ban-to-chuc:demo".getBytes(StandardCharsets.UTF_8));
		Session client = new Session(port);
		for (String path : List.of("/v3/api-docs", "/v3/api-docs/dondoc")) {
			HttpResponse<String> described = client.send(HttpRequest.newBuilder(client.uri(path)).header("Authorization", basic).GET());
			assertThat(described.statusCode()).as(path).isEqualTo(200);
			assertThat(described.body()).as(path).contains("\"openapi\"").contains("/api/directives");
			assertThat(new Session(port).get(path).statusCode()).as(path + " without credentials").isEqualTo(401);
		}
		assertThat(signIn("ban-to-chuc").get("/v3/api-docs/dondoc").statusCode()).isEqualTo(200);
	}

	private static String header(String page) {
		return between(page, "<header", "</header>");
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("«%s» in the page", start).isGreaterThanOrEqualTo(0);
		int to = text.indexOf(end, from);
		return text.substring(from, to < 0 ? text.length() : to);
	}

	private Session signIn(String user) throws IOException, InterruptedException {
		Session session = new Session(port);
		String login = session.get("/login").body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(token.find()).isTrue();
		String form = Map.of("username", user, "password", "demo", "_csrf", token.group(1))
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(session.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return session;
	}

	/** A browser's cookie jar and an HTTP client that does not follow redirects. */
	static final class Session {

		private final int port;

		private final HttpClient client;

		Session(int port) {
			this.port = port;
			this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
		}

		URI uri(String path) {
			return URI.create("http://localhost:" + port + path);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json;q=0.9").GET());
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

	}

}
