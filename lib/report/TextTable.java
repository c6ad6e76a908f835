package report;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/**
 * A small aligned table for terminal summaries: the first column left-aligned, the others right-aligned
 * (numbers), optionally a last free-text column. Widths are measured on the plain text, so colour markup
 * does not break the alignment.
 */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final Ansi ansi;
    private final boolean lastIsText;

    /** @param lastIsText whether the last column is free text (left-aligned) rather than a number */
    TextTable(Ansi ansi, boolean lastIsText) {
        this.ansi = ansi;
        this.lastIsText = lastIsText;
    }

    /** Cells may hold picocli markup such as {@code @|yellow text|@}. */
    TextTable row(String... cells) {
        rows.add(cells);
        return this;
    }

    String render(String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], plain(row[c]).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.length; c++) {
                String text = ansi.string(row[c]);
                int pad = widths[c] - plain(row[c]).length();
                boolean last = lastIsText && c == columns - 1;
                if (c == 0 || last) {
                    line.append(text).append(last ? "" : " ".repeat(pad));
                } else {
                    line.append(" ".repeat(pad)).append(text);
                }
                if (c < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String plain(String cell) {
        return Ansi.OFF.string(cell);
    }
}
