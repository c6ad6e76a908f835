package delivery;

import errors.ErrorCode;

/** A line for the operator's stderr that a run says beside its report, in the order the run said them. */
public record Notice(Kind kind, ErrorCode code, String text) {
    public enum Kind {
        /** Something the operator should know that changes nothing of the outcome (--quiet silences it). */
        SAID,
        /** The dashboard's line, for the operator's log: only where stderr is no terminal, on which it would cut through the summary. */
        LOG_LINE,
        /** A second failure while the run stopped or wrote its hooks: always said, as an error line with its code. */
        ERROR
    }

    static Notice said(String text) {
        return new Notice(Kind.SAID, null, text);
    }

    static Notice logLine(String text) {
        return new Notice(Kind.LOG_LINE, null, text);
    }

    static Notice error(ErrorCode code, String text) {
        return new Notice(Kind.ERROR, code, text);
    }
}
