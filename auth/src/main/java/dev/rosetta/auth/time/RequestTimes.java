package dev.rosetta.auth.time;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The request-time checks every header-signed scheme shares. */
public final class RequestTimes {
    /** S3's limit on the difference between the request time and the server's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private RequestTimes() {
    }

    /**
     * @param requestTime the parsed request time
     * @param sentValue   the header value as sent, echoed in the error's RequestTime element
     * @throws S3Exception {@code 403 RequestTimeTooSkewed} when more than 15 minutes off the server clock
     */
    public static void checkSkew(Instant requestTime, String sentValue, Clock clock) {
        Instant now = clock.instant();
        long diffMillis = Math.abs(Duration.between(requestTime, now).toMillis());
        if (diffMillis > MAX_SKEW.toMillis()) {
            throw new S3Exception(S3ErrorCode.REQUEST_TIME_TOO_SKEWED)
                    .with("RequestTime", sentValue)
                    .with("ServerTime", HttpDates.formatIsoExtended(now))
                    .with("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()));
        }
    }

    /** {@code 403 AccessDenied}: no usable Date / x-amz-date header. */
    public static S3Exception missingDate() {
        return new S3Exception(S3ErrorCode.ACCESS_DENIED,
                "AWS authentication requires a valid Date or x-amz-date header");
    }
}
