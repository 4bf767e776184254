package dev.rosetta.server.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * The Wangsu WOS Java SDK ({@code com.wos.services.WosClient}, WOS-HMAC-SHA256), seen through JDK types only.
 * The SDK runs in a {@link ChildFirstClassLoader} of its own (its jar carries patched okhttp 3 / okio 1 classes
 * that must not meet minio's okhttp 4); {@code dev.rosetta.server.vendor.WosSdkClient} is the implementation,
 * loaded by that loader. Service errors surface as {@link VendorServiceException}.
 */
public interface WosSdk extends AutoCloseable {

    /** An upload as the SDK's listing parsed it. */
    record Upload(String key, String uploadId, String storageClass) {
    }

    /** @return the upload id the SDK parsed */
    String initiateMultipartUpload(String bucket, String key);

    List<Upload> listMultipartUploads(String bucket);

    void abortMultipartUpload(String bucket, String key, String uploadId);

    /** @return the ETag the SDK parsed */
    String putObject(String bucket, String key, byte[] data);

    byte[] getObject(String bucket, String key);

    /** {@code createTemporarySignature} for a GET of the object (the X-Wos-* query form), signed now. */
    String presignGet(String bucket, String key, long expiresSeconds);

    /** As {@link #presignGet(String, String, long)}, signed as at {@code signedAt}. */
    String presignGet(String bucket, String key, long expiresSeconds, java.time.Instant signedAt);

    @Override
    void close();

    /**
     * A path-style client (the WOS SDK has no custom DNS hook) for {@code http://host:port}.
     *
     * @param host   the endpoint host the SDK connects to and signs ({@code 127.0.0.1}, {@code localhost})
     * @param region the region of the WOS-HMAC-SHA256 scope
     */
    static WosSdk open(String host, int port, String region, String accessKey, String secretKey) {
        Path dir = Path.of(System.getProperty("rosetta.wos.sdk.dir", "target/wos-sdk"));
        List<java.net.URL> urls = new java.util.ArrayList<>(ChildFirstClassLoader.jars(dir, List.of("wcs-java-sdk")));
        // the implementation is a test class: its directory goes last, and only that class is taken from it
        urls.add(WosSdk.class.getProtectionDomain().getCodeSource().getLocation());
        ChildFirstClassLoader loader = new ChildFirstClassLoader(urls, List.of("com.wos.", "okhttp3.", "okio.",
                "com.jamesmurty.", "org.apache.commons.lang3.", "dev.rosetta.server.vendor.WosSdkClient"),
                WosSdk.class.getClassLoader());
        try {
            Class<?> impl = Class.forName("dev.rosetta.server.vendor.WosSdkClient", true, loader);
            if (impl.getClassLoader() != loader) {
                throw new IllegalStateException("WosSdkClient was not loaded in the WOS class loader");
            }
            return (WosSdk) impl.getConstructor(String.class, int.class, String.class, String.class, String.class)
                    .newInstance(host, port, region, accessKey, secretKey);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
