package vn.dondoc.web;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import vn.dondoc.web.Trends.Backlog;
import vn.dondoc.web.Trends.OnTime;
import vn.dondoc.web.Trends.Point;
import vn.dondoc.web.Trends.Quarter;
import vn.dondoc.web.Trends.Share;
import vn.dondoc.web.Trends.UnitShares;

import static org.assertj.core.api.Assertions.assertThat;

/** The trend charts are well-formed SVG that carry their figures as text, with titles, escaped. */
class TrendChartsTest {

	static final List<Quarter> QUARTERS = List.of(new Quarter(2026, 3), new Quarter(2026, 4), new Quarter(2027, 1));

	@Test
	void drawsASharePerUnitAndQuarterWithItsFractionAndHatchesTheWorst() throws Exception {
		OnTime data = new OnTime(QUARTERS, List.of(
				unit("ban-a", "Ban <A> & \"B\"", new Share(1, 4), Share.NONE, new Share(0, 2)),
				unit("ban-b", "Ban Tổ chức Thành ủy", new Share(7, 9), new Share(9, 10), new Share(3, 3))));
		Element svg = parse(TrendCharts.onTime(data));

		assertThat(svg.getAttribute("role")).isEqualTo("img");
		assertThat(svg.getAttribute("aria-label")).isEqualTo("Tỷ lệ hoàn thành đúng hạn theo quý của 2 đơn vị, Quý III/2026 đến Quý I/2027");
		assertThat(child(svg, "title").getTextContent()).isEqualTo("Tỷ lệ hoàn thành đúng hạn theo quý");
		assertThat(svg.getTextContent()).contains("Quý III/2026", "Quý IV/2026", "Quý I/2027", "Cả 3 quý", "Ban <A> & \"B\"",
				"25% (1/4)", "77% (7/9)", "90% (9/10)", "100% (3/3)", "0% (0/2)", "–");

		List<Element> cells = elements(svg, "g", "cell");
		assertThat(cells).hasSize(2 * (QUARTERS.size() + 1));
		Element worst = cells.get(0);
		assertThat(worst.getAttribute("data-quarter")).isEqualTo("2026-Q3");
		assertThat(worst.getElementsByTagName("title").item(0).getTextContent())
			.isEqualTo("Ban <A> & \"B\", Quý III/2026: 1/4 phần việc hoàn thành đúng hạn (25%)");
		assertThat(fills(worst)).contains("url(#on-time-hatch)");
		assertThat(fills(cells.get(QUARTERS.size() + 1))).as("77%% is not hatched").doesNotContain("url(#on-time-hatch)");
		Element none = cells.get(1);
		assertThat(none.getAttribute("data-counted")).isEqualTo("0");
		assertThat(none.getTextContent()).contains("không có phần việc đến hạn");
		Element all = cells.get(QUARTERS.size());
		assertThat(all.getAttribute("data-quarter")).isEqualTo("all");
		assertThat(all.getAttribute("data-on-time")).isEqualTo("1");
		assertThat(all.getAttribute("data-counted")).isEqualTo("6");
	}

	@Test
	void cutsALongUnitNameAndKeepsItWholeInTheTitle() throws Exception {
		String name = "Đảng ủy Khối các cơ quan Đảng, Mặt trận Tổ quốc và các đoàn thể thành phố";
		Element svg = parse(TrendCharts.onTime(new OnTime(QUARTERS, List.of(unit("dang-uy", name, new Share(1, 1), Share.NONE, Share.NONE)))));
		Element row = elements(svg, "g", "unit").get(0);
		assertThat(elements(row, "text", "name").get(0).getTextContent()).endsWith("…").hasSizeLessThan(name.length());
		assertThat(row.getElementsByTagName("title").item(0).getTextContent()).startsWith(name + ": 1/1");
	}

	@Test
	void drawsAPointPerWeekWithItsDateAndCountAndLabelsTheAxes() throws Exception {
		LocalDate today = LocalDate.of(2027, 1, 6);
		List<Point> points = new ArrayList<>();
		for (int week = 8; week >= 1; week--) {
			points.add(new Point(today.minusWeeks(week).with(java.time.DayOfWeek.SUNDAY), week % 3 * 2));
		}
		points.add(new Point(today, 7));
		Element svg = parse(TrendCharts.backlog(new Backlog(points)));

		assertThat(svg.getAttribute("role")).isEqualTo("img");
		assertThat(svg.getAttribute("aria-label")).contains("Số phần việc quá hạn theo thời gian", "hôm nay 7 phần việc quá hạn");
		List<Element> drawn = elements(svg, "g", "point");
		assertThat(drawn).hasSize(points.size());
		for (int i = 0; i < points.size(); i++) {
			assertThat(drawn.get(i).getAttribute("data-overdue")).isEqualTo(Long.toString(points.get(i).overdue()));
			assertThat(drawn.get(i).getElementsByTagName("title").item(0).getTextContent())
				.contains(WebDates.DAY.format(points.get(i).day()) + ": " + points.get(i).overdue() + " phần việc quá hạn");
		}
		assertThat(drawn.get(points.size() - 1).getTextContent()).startsWith("Hôm nay, 06/01/2027");
		// higher counts are drawn higher: y grows downwards
		assertThat(cy(drawn.get(points.size() - 1))).isLessThan(cy(drawn.get(0)));
		double zero = points.stream().filter(p -> p.overdue() == 0).findFirst().map(p -> cy(drawn.get(points.indexOf(p)))).orElseThrow();
		assertThat(cy(drawn.get(points.size() - 1))).isLessThan(zero);
		assertThat(svg.getTextContent()).contains("06/01/2027", "Số phần việc quá hạn", "Cuối mỗi tuần (Chủ nhật); điểm cuối là hôm nay");
		// the y axis reaches past the highest count, in steps of 1, 2 or 5
		assertThat(elements(svg, "g", "y-axis").get(0).getTextContent()).contains("0", "2", "4", "6", "8");
		assertThat(elements(svg, "path", "area").get(0).getAttribute("fill")).isEqualTo("url(#backlog-hatch)");
	}

	@Test
	void choosesRoundSteps() {
		assertThat(TrendCharts.step(0)).isEqualTo(1);
		assertThat(TrendCharts.step(5)).isEqualTo(1);
		assertThat(TrendCharts.step(7)).isEqualTo(2);
		assertThat(TrendCharts.step(24)).isEqualTo(5);
		assertThat(TrendCharts.step(480)).isEqualTo(100);
		assertThat(TrendCharts.step(1234)).isEqualTo(500);
	}

	@Test
	void escapesWhatXmlWouldRead() {
		assertThat(TrendCharts.escape("<a href=\"x\">Tom & Jerry's</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
	}

	static UnitShares unit(String code, String name, Share... shares) {
		Share total = List.of(shares).stream().reduce(Share.NONE, Share::plus);
		return new UnitShares(code, name, List.of(shares), total);
	}

	static Element parse(String svg) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
	}

	static Element child(Element parent, String tag) {
		return (Element) parent.getElementsByTagName(tag).item(0);
	}

	static List<Element> elements(Element parent, String tag, String cssClass) {
		List<Element> found = new ArrayList<>();
		NodeList nodes = parent.getElementsByTagName(tag);
		for (int i = 0; i < nodes.getLength(); i++) {
			Element element = (Element) nodes.item(i);
			if (cssClass.equals(element.getAttribute("class"))) {
				found.add(element);
			}
		}
		return found;
	}

	static List<String> fills(Element cell) {
		List<String> fills = new ArrayList<>();
		NodeList rects = cell.getElementsByTagName("rect");
		for (int i = 0; i < rects.getLength(); i++) {
			fills.add(((Element) rects.item(i)).getAttribute("fill"));
		}
		return fills;
	}

	static double cy(Element point) {
		return Double.parseDouble(((Element) point.getElementsByTagName("circle").item(0)).getAttribute("cy"));
	}

}
