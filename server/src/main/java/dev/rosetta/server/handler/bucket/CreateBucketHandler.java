package dev.rosetta.server.handler.bucket;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.headers.AclHeaders;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.names.BucketNames;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.CreateBucketConfiguration;
import dev.rosetta.server.access.Accounts;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * {@code PUT /bucket}: creates a bucket owned by the signer. The optional CreateBucketConfiguration
 * may name a location constraint; it must be the region of the endpoint the request reached (the server's
 * region, or a JD/WOS endpoint's own; S3 refuses others with IllegalLocationConstraintException). Without
 * one the bucket is in that region, which is stored as "no constraint" for us-east-1 as S3 does. The ACL
 * headers of the request's family ({@link AclHeaders}) set the bucket's ACL in the same write.
 */
public final class CreateBucketHandler implements DocumentHandler {
    private static final long MAX_CONFIGURATION_BYTES = 64 * 1024;
    private final BucketStore buckets;
    private final String region;
    private final Clock clock;
    private final Accounts accounts;

    public CreateBucketHandler(BucketStore buckets, String region, Clock clock) {
        this(buckets, region, clock, Accounts.UNKNOWN);
    }

    /** @param accounts the accounts an ACL header may grant to */
    public CreateBucketHandler(BucketStore buckets, String region, Clock clock, Accounts accounts) {
        this.buckets = buckets;
        this.region = region;
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return BodyPolicy.xml(MAX_CONFIGURATION_BYTES);
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        var owner = ctx.requirePrincipal();
        String name = ctx.bucket();
        BucketNames.validate(name);
        String location = locationConstraint(body, ctx.endpointRegion() != null ? ctx.endpointRegion() : region);
        AccessControl acl = AclHeaders.read(ctx.head(), ctx.dialect(), AclHeaders.Target.BUCKET);
        accounts.checkGrantees(acl);
        UnaryOperator<BucketRecord> settings = CreateBucketSettings.read(ctx);
        buckets.create(name, owner, location, ctx.dialect().name(), clock.instant(),
                record -> settings.apply(record).withAcl(acl));
        return S3Response.ok().header("Location", "/" + name);
    }

    /** The constraint to store: the endpoint's region, or null (no constraint) for us-east-1. */
    private static String locationConstraint(byte[] body, String region) {
        String ownRegion = region.equals("us-east-1") ? null : region;
        if (body.length == 0) {
            return ownRegion;
        }
        CreateBucketConfiguration config =
                XmlRequestParser.parse(body, "CreateBucketConfiguration", CreateBucketConfiguration.class);
        String location = config.locationConstraint == null ? "" : config.locationConstraint.trim();
        if (location.isEmpty() || location.equals(region)) {
            return ownRegion;
        }
        throw new S3Exception(S3ErrorCode.ILLEGAL_LOCATION_CONSTRAINT,
                "The " + location + " location constraint is incompatible for the region specific endpoint"
                        + " this request was sent to.");
    }
}
