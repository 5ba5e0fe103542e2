package dev.deferfix.report;

import java.io.IOException;

/** Writes findings in the requested format. */
public final class Reports {
    private Reports() {
    }

    public static void write(ReportFormat format, ReportInput input, Appendable out) throws IOException {
        switch (format) {
            case TEXT -> TextReport.write(input, out);
            case JSON -> JsonReport.write(input, out);
            case SARIF -> SarifReport.write(input, out);
        }
    }
}
