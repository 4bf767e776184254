package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;

/**
 * OBS's {@code x-obs-expires: N} on PutObject, InitiateMultipartUpload and CopyObject: the object is deleted N
 * whole days (0 or more) after its last modification. The OBS SDK sends this name in both its signing modes,
 * so it is read under that name on OBS endpoints whatever the header family; other services have no such
 * header and ignore it.
 */
public final class ObsExpiresHeader {
    public static final String NAME = "x-obs-expires";

    private ObsExpiresHeader() {
    }

    /** The days, or null when absent or not an OBS request; InvalidArgument for anything but a whole number >= 0. */
    public static Integer read(RequestHead head, Dialect dialect) {
        if (Service.of(dialect) != Service.OBS) {
            return null;
        }
        String value = head.header(NAME);
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw S3Exception.invalidArgument("x-obs-expires must be a whole number of days, 0 or more.", NAME, value);
        }
        return Integer.parseInt(v);
    }
}
