package dev.rosetta.protocol.dialect;

import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.xml.XmlDocument;
import java.util.List;
import java.util.Objects;

/**
 * How one request is read and answered: the header family the client speaks (chosen by its signing
 * scheme) and the wire style of the answer (chosen by a vendor scheme, or by the endpoint for
 * AWS-family schemes). Immutable; {@link DialectCatalog} holds the combinations a server uses.
 */
public final class Dialect {
    public static final String AWS_NAMESPACE = WireStyle.AWS_NAMESPACE;

    /** Amazon S3: {@code x-amz-} headers, AWS wire style. */
    public static final Dialect AWS = new Dialect("AWS", HeaderFamily.AMZ, WireStyle.AWS);

    private final String name;
    private final HeaderFamily family;
    private final WireStyle wire;

    public Dialect(String name, HeaderFamily family, WireStyle wire) {
        this.name = Objects.requireNonNull(name, "name");
        this.family = Objects.requireNonNull(family, "family");
        this.wire = Objects.requireNonNull(wire, "wire");
    }

    /** The dialect's name, stored with buckets and uploads ({@code AWS}, {@code OBS}, {@code COS-S3}, ...). */
    public String name() {
        return name;
    }

    public HeaderFamily family() {
        return family;
    }

    public WireStyle wire() {
        return wire;
    }

    /** The vendor header prefix the client speaks, e.g. {@code x-amz-}. */
    public String headerPrefix() {
        return family.prefix();
    }

    /** A vendor header's full name in this dialect: {@code header("acl")} is {@code x-cos-acl} for COS. */
    public String header(String suffix) {
        return family.header(suffix);
    }

    /** The user-metadata prefix, {@code <prefix>meta-}. */
    public String metadataPrefix() {
        return family.header("meta-");
    }

    public StorageClass parseStorageClass(String value) {
        return family.parseStorageClass(value);
    }

    public String storageClassName(StorageClass storageClass) {
        return family.storageClassName(storageClass);
    }

    public String requestIdHeader() {
        return wire.requestIdHeader();
    }

    public String id2Header() {
        return wire.id2Header();
    }

    public List<String> extraRequestIdHeaders() {
        return wire.extraRequestIdHeaders();
    }

    public String errorTraceHeader() {
        return wire.errorTraceHeader();
    }

    public String namespace() {
        return wire.namespace();
    }

    public String errorDeclaration() {
        return wire.errorDeclaration();
    }

    public String errorHostIdElement() {
        return wire.errorHostIdElement();
    }

    /** Renders a success document in this dialect's wire style. */
    public byte[] render(XmlDocument document) {
        return wire.render(document);
    }

    @Override
    public String toString() {
        return name;
    }
}
