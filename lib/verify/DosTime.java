package verify;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import zip.ZipLayout;

/** The MS-DOS date and time fields of a zip header: what v1 writes for an instant, and how a message shows them. */
public final class DosTime {
    /** The year a DOS date's year field counts from. */
    private static final int DOS_EPOCH_YEAR = 1980;

    private DosTime() {}

    /** The DOS {date, time} fields of an instant read as UTC wall clock, encoded as the writer encodes them. */
    public static int[] fields(long epochMs) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000), 0, ZoneOffset.UTC);
        return new int[] {ZipLayout.dosDate(t), ZipLayout.dosTime(t)};
    }

    /** The fields as a message shows them: yyyy-MM-dd HH:mm:ss. */
    public static String describe(int date, int time) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", DOS_EPOCH_YEAR + (date >>> 9), (date >>> 5) & 0xF,
                date & 0x1F, time >>> 11, (time >>> 5) & 0x3F, (time & 0x1F) * 2);
    }
}
