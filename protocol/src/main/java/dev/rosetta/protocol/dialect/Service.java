package dev.rosetta.protocol.dialect;

/**
 * The vendor service a dialect emulates, whichever header family the client speaks: a request signed AWS-style
 * on an OBS endpoint ({@code OBS-S3}) still reaches OBS, with OBS's limits and rules. Used for service
 * properties (metadata limits, COS's forbid-overwrite, ...) as opposed to header names, which follow
 * {@link HeaderFamily}.
 */
public enum Service {
    AWS, JD, OBS, COS, WOS;

    /** The service of a dialect, from its name ({@code OBS-S3} is OBS, {@code WCS} is WOS, ...). */
    public static Service of(Dialect dialect) {
        String name = dialect.name();
        if (name.startsWith("OBS")) {
            return OBS;
        }
        if (name.startsWith("COS")) {
            return COS;
        }
        if (name.startsWith("WOS") || name.startsWith("WCS")) {
            return WOS;
        }
        if (name.startsWith("JD")) {
            return JD;
        }
        return AWS;
    }
}
