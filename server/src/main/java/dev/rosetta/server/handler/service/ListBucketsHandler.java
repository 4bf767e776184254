package dev.rosetta.server.handler.service;

import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.doc.ListAllMyBucketsResult;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** {@code GET /}: the principal's buckets, with the optional prefix / max-buckets / continuation-token. */
public final class ListBucketsHandler implements DocumentHandler {
    private static final int MAX_BUCKETS = 10_000;
    private final BucketStore buckets;
    private final String region;

    public ListBucketsHandler(BucketStore buckets, String region) {
        this.buckets = buckets;
        this.region = region;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        Owner owner = ctx.requirePrincipal();
        String prefix = ctx.param("prefix");
        int max = maxBuckets(ctx.param("max-buckets"));
        String after = decodeToken(ctx.param("continuation-token"));
        String regionFilter = ctx.param("bucket-region");
        List<ListAllMyBucketsResult.Entry> entries = new ArrayList<>();
        String next = null;
        for (BucketRecord b : buckets.list()) {
            if (!b.owner().id().equals(owner.id())
                    || (prefix != null && !b.name().startsWith(prefix))
                    || (after != null && b.name().compareTo(after) <= 0)
                    || (regionFilter != null && !regionFilter.equals(region))) {
                continue;
            }
            if (entries.size() == max) {
                next = encodeToken(entries.get(entries.size() - 1).name());
                break;
            }
            entries.add(new ListAllMyBucketsResult.Entry(b.name(), b.creationDate(), region));
        }
        return S3Response.xml(ctx.dialect(), new ListAllMyBucketsResult(owner, entries, next, prefix));
    }

    private static int maxBuckets(String value) {
        if (value == null) {
            return MAX_BUCKETS;
        }
        try {
            int v = Integer.parseInt(value);
            if (v >= 1 && v <= MAX_BUCKETS) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error
        }
        throw S3Exception.invalidArgument("max-buckets must be an integer between 1 and " + MAX_BUCKETS,
                "max-buckets", value);
    }

    private static String encodeToken(String lastName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeToken(String token) {
        if (token == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.invalidArgument("The continuation token provided is incorrect",
                    "continuation-token", token);
        }
    }
}
