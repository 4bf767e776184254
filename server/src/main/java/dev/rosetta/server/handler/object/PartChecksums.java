package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.ManifestPart;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.ObjectRecord;
import java.util.Map;

/**
 * Which checksums a GET or HEAD shows with {@code x-amz-checksum-mode: ENABLED}. The object's
 * checksums describe its whole body, so they are shown only when the whole body is answered; a
 * {@code partNumber} read of a multipart object shows that part's own checksums (which cover exactly
 * the bytes sent), and a partial range shows none, as S3 does. Clients validate the body against a
 * checksum header that has no {@code -N} suffix, so a whole-object CRC on a part would fail them.
 */
public final class PartChecksums {
    private PartChecksums() {
    }

    /** Whether the object's own checksums may be shown for bytes {@code [first, last]}. */
    public static boolean coversWholeObject(ObjectRecord o, long first, long last) {
        return first == 0 && last == o.size() - 1;
    }

    /** Adds the checksum headers of part {@code position} (1-based) of a multipart object, if it has any. */
    public static void addPart(S3Response response, ObjectRecord o, int position) {
        if (!(o.body() instanceof ObjectBody.Manifest m) || position < 1 || position > m.parts().size()) {
            return;
        }
        ManifestPart part = m.parts().get(position - 1);
        for (Map.Entry<String, String> c : part.checksums().entrySet()) {
            ChecksumAlgorithm a = ChecksumAlgorithm.fromName(c.getKey());
            if (a != null) {
                response.header(a.headerName(), c.getValue());
            }
        }
    }
}
