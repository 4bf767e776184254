package dev.rosetta.bench.load;

import java.util.Map;

/** What a prepare or clean-up pass did. */
public record DrainResult(long ok, long failed, Map<String, Long> errors, long nanos) {

    /** "12 errors: 404 NoSuchKey ×3, ..." or "" */
    public String errorSummary() {
        if (failed == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder().append(failed).append(failed == 1 ? " error: " : " errors: ");
        int n = 0;
        for (Map.Entry<String, Long> e : errors.entrySet()) {
            if (n++ > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(" x").append(e.getValue());
        }
        return sb.toString();
    }
}
