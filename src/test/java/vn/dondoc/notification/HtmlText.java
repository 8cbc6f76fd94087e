package vn.dondoc.notification;

/** The words of an HTML body, tags dropped and white space collapsed: what a reader sees. */
final class HtmlText {

	private HtmlText() {
	}

	static String of(String html) {
		return html.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("<[^>]+>", "")
			.replace("&amp;", "&")
			.replaceAll("\\s+", " ")
			.replace(" ,", ",")
			.trim();
	}

}
