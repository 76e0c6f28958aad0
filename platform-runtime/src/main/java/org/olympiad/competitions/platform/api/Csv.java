package org.olympiad.competitions.platform.api;

/** CSV exports for spreadsheets: RFC 4180 rows, CRLF line ends. */
public final class Csv {

    private Csv() {
    }

    /** Appends one row of cells; null is an empty cell. */
    public static void row(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    /** Quoted when needed, and with a leading quote on text a spreadsheet would run as a formula. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
