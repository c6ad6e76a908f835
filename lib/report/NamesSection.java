package report;

/**
 * Below the overview, how the names reach the client: how many ship composed (Unicode NFC) from the
 * decomposed form macOS writes, and a warning naming the longest path when some are longer than Windows
 * extracts inside a typical folder. Nothing when neither applies.
 */
final class NamesSection {
    private NamesSection() {}

    /** @param names the report's {@code names}, or null (a report from before they were counted) */
    static void write(PageStream b, StagerReport.Names names) {
        if (names == null) {
            return;
        }
        if (names.composed() > 0) {
            b.append("<section class=\"note\" id=\"names-composed\"><strong>Names composed:</strong> ")
                    .append(Html.countElement("span", "names-composed-count", null, names.composed()))
                    .append(" file name(s) were written decomposed (as macOS writes them) and ship composed, Unicode NFC,"
                            + " as the manifest lists them: every unzip tool then extracts the same names.</section>\n");
        }
        StagerReport.LongPathsFound longPaths = names.longPaths();
        if (longPaths != null) {
            b.append("<section class=\"problem refused\" id=\"long-paths\"><strong>Long paths:</strong> ")
                    .append(Html.countElement("span", "long-paths-count", null, longPaths.count()))
                    .append(" path(s) are longer than ").append(Integer.toString(longPaths.limit()))
                    .append(" characters; Windows may fail to extract them. The longest (")
                    .append(Html.countElement("span", "long-paths-longest-characters", null, longPaths.longestCharacters()))
                    .append(" characters): <code id=\"long-paths-longest\">").append(Html.path(longPaths.longest()))
                    .append("</code>. Shorten folder or file names; the strict policy refuses such paths.</section>\n");
        }
    }
}
