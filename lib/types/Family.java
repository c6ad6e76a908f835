package types;

import java.util.Locale;
import java.util.Optional;

/** What kind of thing a content type is: what a ban group names, and what decides whether a file may carry others. */
public enum Family {
    EXECUTABLE, ARCHIVE, DISK_IMAGE, KEYSTORE, DOCUMENT, IMAGE, AUDIO, VIDEO, FONT, TEXT;

    /** The name in the data files and reports: {@code disk-image}, {@code keystore}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every family's code, as a message lists what a data file may name: {@code executable, archive, ...}. */
    public static String codes() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Family::code).toList());
    }

    public static Optional<Family> ofCode(String code) {
        for (Family family : values()) {
            if (family.code().equals(code)) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    /** Archives and disk images carry files of their own past every other check: only under a name that says so. */
    public boolean carriesFiles() {
        return this == ARCHIVE || this == DISK_IMAGE;
    }
}
