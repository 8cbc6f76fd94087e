package vn.dondoc.web;

import java.util.List;
import java.util.Locale;

import vn.dondoc.web.Trends.Backlog;
import vn.dondoc.web.Trends.OnTime;
import vn.dondoc.web.Trends.Point;
import vn.dondoc.web.Trends.Quarter;
import vn.dondoc.web.Trends.Share;
import vn.dondoc.web.Trends.UnitShares;

/**
 * The trends drawn as inline SVG on the server (no script, no library): well-formed XML with every text escaped, a
 * {@code <title>} on each figure, and readable in black and white (each cell and point carries its number, the worst
 * cells and the area under the line are hatched).
 */
final class TrendCharts {

	static final String ON_TIME_TITLE = "Tỷ lệ hoàn thành đúng hạn theo quý";

	static final String BACKLOG_TITLE = "Số phần việc quá hạn theo thời gian";

	private static final int NAME_WIDTH = 290;

	private static final int COLUMN_WIDTH = 104;

	private static final int ROW_HEIGHT = 28;

	private static final int HEAD_HEIGHT = 34;

	/** Longest unit name drawn whole; a longer one is cut, its whole name in the row's title. */
	private static final int NAME_CHARACTERS = 44;

	private TrendCharts() {
	}

	/** The on-time shares as a table-like heatmap: a row per unit, a column per quarter and one for all of them. */
	static String onTime(OnTime data) {
		List<Quarter> quarters = data.quarters();
		int width = NAME_WIDTH + COLUMN_WIDTH * (quarters.size() + 1);
		int legendTop = HEAD_HEIGHT + ROW_HEIGHT * data.units().size() + 14;
		int height = legendTop + 30;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend on-time\" id=\"on-time-chart\" role=\"img\" viewBox=\"0 0 ")
			.append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" aria-label=\"")
			.append(escape(ON_TIME_TITLE + " của " + data.units().size() + " đơn vị, " + quarters.get(0).label() + " đến "
					+ quarters.get(quarters.size() - 1).label()))
			.append("\">");
		svg.append("<title>").append(escape(ON_TIME_TITLE)).append("</title>");
		svg.append(hatch("on-time-hatch", "#9b2c2c"));
		svg.append("<g class=\"head\" font-size=\"12\" font-weight=\"700\" fill=\"#1f2933\" text-anchor=\"middle\">");
		svg.append("<text x=\"6\" y=\"22\" text-anchor=\"start\">Đơn vị</text>");
		for (int i = 0; i <= quarters.size(); i++) {
			String label = i < quarters.size() ? quarters.get(i).label() : "Cả " + quarters.size() + " quý";
			svg.append(text(NAME_WIDTH + COLUMN_WIDTH * i + COLUMN_WIDTH / 2.0, 22, label, null));
		}
		svg.append("</g>");
		int y = HEAD_HEIGHT;
		for (UnitShares unit : data.units()) {
			svg.append("<g class=\"unit\" data-unit=\"").append(escape(unit.unit())).append("\">");
			svg.append("<title>").append(escape(unit.name() + ": " + unit.total().fraction() + " phần việc hoàn thành đúng hạn ("
					+ unit.total().percent() + "%)")).append("</title>");
			svg.append("<line x1=\"0\" x2=\"").append(width).append("\" y1=\"").append(y + ROW_HEIGHT).append("\" y2=\"")
				.append(y + ROW_HEIGHT).append("\" stroke=\"#d9e2ec\"/>");
			svg.append(text(6, y + 18.5, shorten(unit.name()), "font-size=\"12\" fill=\"#1f2933\" class=\"name\""));
			for (int i = 0; i <= quarters.size(); i++) {
				boolean total = i == quarters.size();
				Share share = total ? unit.total() : unit.quarters().get(i);
				String period = total ? "cả " + quarters.size() + " quý" : quarters.get(i).label();
				svg.append(cell(NAME_WIDTH + COLUMN_WIDTH * i, y, share, unit.name() + ", " + period,
						total ? "all" : quarters.get(i).year() + "-Q" + quarters.get(i).number()));
			}
			svg.append("</g>");
			y += ROW_HEIGHT;
		}
		svg.append(legend(legendTop));
		return svg.append("</svg>").toString();
	}

	private static String cell(int x, int y, Share share, String what, String key) {
		StringBuilder cell = new StringBuilder("<g class=\"cell\" data-quarter=\"").append(key).append("\" data-on-time=\"")
			.append(share.onTime()).append("\" data-counted=\"").append(share.counted()).append("\"><title>");
		if (share.counted() == 0) {
			cell.append(escape(what + ": không có phần việc đến hạn")).append("</title>");
			cell.append(rect(x + 2, y + 3, COLUMN_WIDTH - 4, ROW_HEIGHT - 6, "#ffffff"));
			cell.append(text(x + COLUMN_WIDTH / 2.0, y + 18.5, "–", "font-size=\"12\" fill=\"#616e7c\" text-anchor=\"middle\""));
			return cell.append("</g>").toString();
		}
		cell.append(escape(what + ": " + share.fraction() + " phần việc hoàn thành đúng hạn (" + share.percent() + "%)")).append("</title>");
		cell.append(rect(x + 2, y + 3, COLUMN_WIDTH - 4, ROW_HEIGHT - 6, shade(share.percent())));
		if (share.percent() < 50) {
			cell.append(rect(x + 2, y + 3, COLUMN_WIDTH - 4, ROW_HEIGHT - 6, "url(#on-time-hatch)"));
		}
		cell.append(text(x + COLUMN_WIDTH / 2.0, y + 18.5, share.percent() + "% (" + share.fraction() + ")",
				"font-size=\"12\" font-weight=\"700\" fill=\"#1f2933\" text-anchor=\"middle\" class=\"share\""));
		return cell.append("</g>").toString();
	}

	/** Light fills, so that the black figures stay readable on paper; the worst are hatched as well. */
	static String shade(int percent) {
		return percent >= 90 ? "#c6f6d5" : percent >= 70 ? "#fefcbf" : percent >= 50 ? "#feebc8" : "#fed7d7";
	}

	private static String legend(int top) {
		StringBuilder legend = new StringBuilder("<g class=\"legend\" font-size=\"11\" fill=\"#1f2933\">");
		String[][] items = { { "#c6f6d5", "từ 90%" }, { "#fefcbf", "70–89%" }, { "#feebc8", "50–69%" }, { "#fed7d7", "dưới 50% (gạch chéo)" },
				{ "#ffffff", "– : không có phần việc đến hạn" } };
		int x = 6;
		for (String[] item : items) {
			legend.append(rect(x, top, 18, 14, item[0]));
			if (item[1].startsWith("dưới")) {
				legend.append(rect(x, top, 18, 14, "url(#on-time-hatch)"));
			}
			legend.append(text(x + 24, top + 11, item[1], null));
			x += 34 + item[1].length() * 6;
		}
		return legend.append("</g>").toString();
	}

	/** The overdue parts over the weeks as a line over a hatched area, with both axes labelled. */
	static String backlog(Backlog data) {
		List<Point> points = data.points();
		int width = 760;
		int height = 290;
		int left = 56;
		int right = 48;
		int top = 24;
		int bottom = 64;
		double plotWidth = width - left - right;
		double plotHeight = height - top - bottom;
		long max = points.stream().mapToLong(Point::overdue).max().orElse(0);
		long step = step(max);
		long yMax = Math.max(step, (max + step - 1) / step * step);
		double base = top + plotHeight;
		Point last = points.get(points.size() - 1);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend backlog\" id=\"backlog-chart\" role=\"img\" viewBox=\"0 0 ")
			.append(width).append(' ').append(height).append("\" width=\"").append(width).append("\" aria-label=\"")
			.append(escape(BACKLOG_TITLE + ", cuối mỗi tuần từ " + WebDates.DAY.format(points.get(0).day()) + " đến "
					+ WebDates.DAY.format(last.day()) + "; hôm nay " + last.overdue() + " phần việc quá hạn"))
			.append("\">");
		svg.append("<title>").append(escape(BACKLOG_TITLE)).append("</title>");
		svg.append(hatch("backlog-hatch", "#c53030"));
		svg.append("<g class=\"y-axis\" font-size=\"11\" fill=\"#1f2933\" text-anchor=\"end\">");
		for (long tick = 0; tick <= yMax; tick += step) {
			double ty = base - plotHeight * tick / yMax;
			svg.append("<line x1=\"").append(left).append("\" x2=\"").append(width - right).append("\" y1=\"").append(fmt(ty))
				.append("\" y2=\"").append(fmt(ty)).append("\" stroke=\"").append(tick == 0 ? "#52606d" : "#d9e2ec").append("\"/>");
			svg.append(text(left - 6, ty + 4, Long.toString(tick), null));
		}
		svg.append(text(14, top + plotHeight / 2, "Số phần việc quá hạn",
				"text-anchor=\"middle\" transform=\"rotate(-90 14 " + fmt(top + plotHeight / 2) + ")\""));
		svg.append("</g>");
		double[] xs = new double[points.size()];
		double[] ys = new double[points.size()];
		for (int i = 0; i < points.size(); i++) {
			xs[i] = left + (points.size() == 1 ? plotWidth / 2 : plotWidth * i / (points.size() - 1));
			ys[i] = base - plotHeight * points.get(i).overdue() / yMax;
		}
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < points.size(); i++) {
			line.append(i == 0 ? "" : " ").append(fmt(xs[i])).append(',').append(fmt(ys[i]));
		}
		svg.append("<path class=\"area\" d=\"M").append(fmt(xs[0])).append(',').append(fmt(base)).append(" L").append(line)
			.append(" L").append(fmt(xs[xs.length - 1])).append(',').append(fmt(base)).append(" Z\" fill=\"url(#backlog-hatch)\"/>");
		svg.append("<polyline class=\"line\" points=\"").append(line).append("\" fill=\"none\" stroke=\"#9b1c1c\" stroke-width=\"2\"/>");
		svg.append("<g class=\"x-axis\" font-size=\"11\" fill=\"#1f2933\" text-anchor=\"middle\">");
		for (int i = 0; i < points.size(); i++) {
			Point point = points.get(i);
			String day = WebDates.DAY.format(point.day());
			boolean today = i == points.size() - 1;
			svg.append("<g class=\"point\" data-day=\"").append(point.day()).append("\" data-overdue=\"").append(point.overdue())
				.append("\"><title>").append(escape((today ? "Hôm nay, " : "Chủ nhật ") + day + ": " + point.overdue() + " phần việc quá hạn"))
				.append("</title><circle cx=\"").append(fmt(xs[i])).append("\" cy=\"").append(fmt(ys[i]))
				.append("\" r=\"3.5\" fill=\"#ffffff\" stroke=\"#9b1c1c\" stroke-width=\"2\"/></g>");
			// every fourth week counted back from today, so that today is always named
			if ((points.size() - 1 - i) % 4 == 0) {
				svg.append("<line x1=\"").append(fmt(xs[i])).append("\" x2=\"").append(fmt(xs[i])).append("\" y1=\"").append(fmt(base))
					.append("\" y2=\"").append(fmt(base + 5)).append("\" stroke=\"#52606d\"/>");
				svg.append(text(xs[i], base + 18, day, today ? "font-weight=\"700\"" : null));
			}
		}
		svg.append(text(xs[xs.length - 1] + 8, ys[ys.length - 1] + 4, Long.toString(last.overdue()),
				"font-size=\"12\" font-weight=\"700\" text-anchor=\"start\" class=\"last\""));
		svg.append(text(left + plotWidth / 2, height - 12, "Cuối mỗi tuần (Chủ nhật); điểm cuối là hôm nay", null));
		svg.append("</g>");
		return svg.append("</svg>").toString();
	}

	/** A step of 1, 2 or 5 times a power of ten that divides {@code 0..max} into at most five parts. */
	static long step(long max) {
		long step = 1;
		while (true) {
			for (long factor : new long[] { 1, 2, 5 }) {
				if (max <= step * factor * 5) {
					return step * factor;
				}
			}
			step *= 10;
		}
	}

	private static String hatch(String id, String colour) {
		return "<defs><pattern id=\"" + id + "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
				+ "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" + colour + "\" stroke-width=\"1.2\" stroke-opacity=\"0.55\"/></pattern></defs>";
	}

	private static String rect(double x, double y, double width, double height, String fill) {
		return "<rect x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" width=\"" + fmt(width) + "\" height=\"" + fmt(height) + "\" fill=\"" + fill
				+ "\"" + ("#ffffff".equals(fill) ? " stroke=\"#d9e2ec\"" : "") + "/>";
	}

	private static String text(double x, double y, String content, String attributes) {
		return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\"" + (attributes == null ? "" : " " + attributes) + ">" + escape(content)
				+ "</text>";
	}

	private static String shorten(String name) {
		return name.length() <= NAME_CHARACTERS ? name : name.substring(0, NAME_CHARACTERS - 1).strip() + "…";
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** Text and attribute values as XML wants them. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
