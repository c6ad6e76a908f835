package report;

import provenance.Toolkit;

/**
 * The page shell both pages share: the document head with the one inline style sheet, and the
 * footer. Nothing is loaded from anywhere else, and nothing runs: a page reads the same from a mail
 * attachment, a file share or an offline machine.
 */
final class HtmlPage {
    /**
     * One style sheet for the report and the dashboard. Paths break anywhere: a 200-character file name
     * must wrap inside its column rather than push the page sideways.
     */
    static final String CSS = """
            :root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
                    --ok: #1a7f37; --refused: #bc4c00; --failed: #cf222e; --bar: #0969da; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 40px; }
            h1 { font-size: 24px; margin: 0 0 6px; }
            h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            p { margin: 6px 0; }
            code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
            .muted { color: var(--muted); }
            .meta { color: var(--muted); margin: 0 0 8px; }
            .badge { display: inline-block; padding: 1px 10px; border-radius: 12px; font-weight: 600; color: #fff;
                     background: var(--muted); font-size: 13px; }
            .badge.ok { background: var(--ok); }
            .badge.refused { background: var(--refused); }
            .badge.failed { background: var(--failed); }
            .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 16px 0; }
            .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: var(--bg-soft); }
            .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
            .card .sub { color: var(--muted); font-size: 13px; }
            .problem { border: 1px solid var(--failed); border-left-width: 6px; border-radius: 6px; padding: 10px 14px;
                       background: #fff5f5; margin: 16px 0; }
            .problem.refused { border-color: var(--refused); background: #fff8f0; }
            .note { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 10px 14px;
                    background: var(--bg-soft); margin: 16px 0; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; }
            th, td { text-align: left; vertical-align: top; padding: 5px 10px; border-bottom: 1px solid var(--line); }
            th { background: var(--bg-soft); font-weight: 600; }
            table.runs { table-layout: fixed; }
            table.narrow { width: auto; min-width: 440px; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 6px 0; }
            dl.kv dt { color: var(--muted); }
            dl.kv dd { margin: 0; overflow-wrap: anywhere; }
            ul.paths { margin: 4px 0 8px; padding-left: 22px; }
            ul.paths li { margin: 1px 0; overflow-wrap: anywhere; word-break: break-all; }
            .detail { color: var(--muted); word-break: normal; }
            .count { color: var(--muted); font-weight: 400; }
            .wrap { overflow-wrap: anywhere; }
            details > summary { cursor: pointer; color: var(--muted); margin: 6px 0; }
            ul.groups { list-style: none; margin: 4px 0 8px; padding-left: 0; }
            ul.groups > li > details > summary { color: var(--fg); }
            p.more { color: var(--muted); font-style: italic; margin: 2px 0 10px 22px; }
            svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
            svg.chart text { font: 12px ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; fill: var(--fg); }
            svg.chart rect.bar { fill: var(--bar); }
            svg.chart rect.refused { fill: var(--refused); }
            footer { margin-top: 36px; color: var(--muted); font-size: 12px; }
            """;

    private HtmlPage() {}

    /** The page around a body: UTF-8, the shared style sheet, nothing loaded from anywhere else. */
    static String page(String title, String body) {
        return head(title) + body + FOOT;
    }

    /** Everything before a page's body, up to and including the opening {@code <main>}. */
    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"prezip " + Html.escape(Toolkit.VERSION) + "\">\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n";
    }

    /** Everything after a page's body: the footer, and the closing tags {@link #head} opened. */
    static final String FOOT = "<footer>Written by prezip " + Html.escape(Toolkit.VERSION)
            + ". A self-contained page: no scripts, nothing loaded from elsewhere.</footer>\n"
            + "</main>\n</body>\n</html>\n";
}
