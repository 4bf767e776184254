package dev.rosetta.server.vendor;

import com.wos.services.WosClient;
import com.wos.services.WosConfiguration;
import com.wos.services.exception.WosException;
import com.wos.services.model.AbortMultipartUploadRequest;
import com.wos.services.model.HttpMethodEnum;
import com.wos.services.model.InitiateMultipartUploadRequest;
import com.wos.services.model.ListMultipartUploadsRequest;
import com.wos.services.model.MultipartUpload;
import com.wos.services.model.TemporarySignatureRequest;
import com.wos.services.model.WosObject;
import dev.rosetta.server.testing.VendorServiceException;
import dev.rosetta.server.testing.WosSdk;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link WosSdk} on the real {@code com.wos.services.WosClient}. Loaded only by the WOS SDK's own class loader
 * ({@link WosSdk#open}); never referenced directly by tests.
 */
public final class WosSdkClient implements WosSdk {
    private final WosClient client;

    public WosSdkClient(String host, int port, String region, String accessKey, String secretKey) {
        WosConfiguration config = new WosConfiguration();
        config.setEndPoint(host);
        config.setEndpointHttpPort(port);
        config.setHttpsOnly(false);
        config.setPathStyle(true);
        config.setRegionName(region);
        config.setMaxErrorRetry(0);
        client = new WosClient(accessKey, secretKey, config);
    }

    @Override
    public String initiateMultipartUpload(String bucket, String key) {
        return call(() -> client.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key)).getUploadId());
    }

    @Override
    public List<Upload> listMultipartUploads(String bucket) {
        return call(() -> {
            List<Upload> out = new ArrayList<>();
            for (MultipartUpload u : client.listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                    .getMultipartTaskList()) {
                out.add(new Upload(u.getObjectKey(), u.getUploadId(), u.getStorageClass()));
            }
            return out;
        });
    }

    @Override
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        call(() -> client.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, key, uploadId)));
    }

    @Override
    public String putObject(String bucket, String key, byte[] data) {
        return call(() -> client.putObject(bucket, key, new ByteArrayInputStream(data)).getEtag());
    }

    @Override
    public byte[] getObject(String bucket, String key) {
        return call(() -> {
            WosObject o = client.getObject(bucket, key);
            try (InputStream in = o.getObjectContent()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public String presignGet(String bucket, String key, long expiresSeconds) {
        return presignGet(bucket, key, expiresSeconds, null);
    }

    @Override
    public String presignGet(String bucket, String key, long expiresSeconds, Instant signedAt) {
        TemporarySignatureRequest request = new TemporarySignatureRequest(HttpMethodEnum.GET, expiresSeconds);
        if (signedAt != null) {
            request.setRequestDate(Date.from(signedAt));
        }
        request.setBucketName(bucket);
        request.setObjectKey(key);
        return call(() -> client.createTemporarySignature(request).getSignedUrl());
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T call(Supplier<T> action) {
        try {
            return action.get();
        } catch (WosException e) {
            throw new VendorServiceException(e.getResponseCode(), e.getErrorCode(), e.getErrorMessage(),
                    e.getErrorRequestId());
        }
    }
}
