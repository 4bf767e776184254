package dev.rosetta.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ModelTest {

    @Nested
    class StorageClassFromAws {
        @ParameterizedTest
        @ValueSource(strings = {"STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
                "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE", "OUTPOSTS", "SNOW", "EXPRESS_ONEZONE"})
        void awsNames(String name) {
            assertThat(StorageClass.fromAws(name)).isEqualTo(StorageClass.valueOf(name)).hasToString(name);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "standard", "Standard", " STANDARD", "STANDARD ", "WARM", "COLD", "ARCHIVE",
                "STANDARD-IA"})
        void anythingElseIsInvalidStorageClass(String value) {
            S3Exception e = catchThrowableOfType(S3Exception.class, () -> StorageClass.fromAws(value));
            assertThat(e).isNotNull();
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_STORAGE_CLASS);
            assertThat(e.status()).isEqualTo(400);
            if (value != null) {
                assertThat(e.details()).containsEntry("StorageClassRequested", value);
            }
        }
    }

    @Nested
    class CannedAclFromHeader {
        @ParameterizedTest
        @EnumSource(CannedAcl.class)
        void everyHeaderValueRoundTrips(CannedAcl acl) {
            assertThat(CannedAcl.fromHeader("x-amz-acl", acl.headerValue())).isEqualTo(acl);
        }

        @Test
        void headerValuesAreS3s() {
            assertThat(CannedAcl.PRIVATE.headerValue()).isEqualTo("private");
            assertThat(CannedAcl.PUBLIC_READ_WRITE.headerValue()).isEqualTo("public-read-write");
            assertThat(CannedAcl.AUTHENTICATED_READ.headerValue()).isEqualTo("authenticated-read");
            assertThat(CannedAcl.AWS_EXEC_READ.headerValue()).isEqualTo("aws-exec-read");
            assertThat(CannedAcl.BUCKET_OWNER_READ.headerValue()).isEqualTo("bucket-owner-read");
            assertThat(CannedAcl.BUCKET_OWNER_FULL_CONTROL.headerValue()).isEqualTo("bucket-owner-full-control");
            assertThat(CannedAcl.LOG_DELIVERY_WRITE.headerValue()).isEqualTo("log-delivery-write");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Private", "PUBLIC-READ", "public_read", "", "public-read ", "Default", "delivered"})
        void unknownValueIsInvalidArgument(String value) {
            S3Exception e = catchThrowableOfType(S3Exception.class, () -> CannedAcl.fromHeader("x-obs-acl", value));
            assertThat(e).isNotNull();
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-obs-acl").containsEntry("ArgumentValue", value);
        }
    }

    @Nested
    class ObjectHeadersRecord {
        @Test
        void defaults() {
            ObjectHeaders d = ObjectHeaders.defaults();
            assertThat(d.contentType()).isEqualTo(ObjectHeaders.DEFAULT_CONTENT_TYPE).isEqualTo("binary/octet-stream");
            assertThat(d.userMetadata()).isEmpty();
            assertThat(d.acl()).isSameAs(AccessControl.DEFAULT);
            assertThat(d.acl().isDefault()).isTrue();
            assertThat(d.tags()).isEmpty();
            assertThat(d.sse()).isNull();
            assertThat(d.objectLock()).isNull();
            assertThat(d.storageClass()).isNull();
            assertThat(d.checksumAlgorithm()).isNull();
            assertThat(d.cacheControl()).isNull();
        }

        @Test
        void emptySseAndObjectLockAreNormalisedToNull() {
            ObjectHeaders h = new ObjectHeaders("text/plain", null, null, null, null, null, null, null, null, null,
                    null, new ServerSideEncryption(null, null, null, null, null, null), new ObjectLock(null, null, null),
                    null);
            assertThat(h.sse()).isNull();
            assertThat(h.objectLock()).isNull();
            assertThat(h.contentType()).isEqualTo("text/plain");
        }

        @Test
        void nonEmptySseAndObjectLockAreKept() {
            ServerSideEncryption sse = new ServerSideEncryption(null, null, null, false, null, null);
            ObjectLock lock = new ObjectLock(null, null, false);
            ObjectHeaders h = new ObjectHeaders(null, null, null, null, null, null, null, null, null, null, null, sse,
                    lock, null);
            assertThat(h.sse()).isSameAs(sse);
            assertThat(h.objectLock()).isSameAs(lock);
            ObjectLock retention = new ObjectLock("GOVERNANCE", Instant.EPOCH, null);
            assertThat(retention.isEmpty()).isFalse();
        }

        @Test
        void collectionsAreCopiedAndUnmodifiable() {
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("b", "2");
            meta.put("a", "1");
            List<Tag> tags = new ArrayList<>(List.of(new Tag("k", "v")));
            ObjectHeaders h = new ObjectHeaders(null, null, null, null, null, null, null, meta, null, null, tags,
                    null, null, null);
            meta.put("c", "3");
            tags.add(new Tag("x", "y"));
            assertThat(h.userMetadata()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
            assertThat(h.tags()).containsExactly(new Tag("k", "v"));
            assertThatThrownBy(() -> h.userMetadata().put("z", "z")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> h.tags().add(new Tag("z", "z"))).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void accessControlCopiesGrantsAndKnowsTheDefault() {
            List<Grant> grants = new ArrayList<>();
            grants.add(new Grant(Grant.Permission.READ, Grant.GranteeType.GROUP, Grant.ALL_USERS));
            AccessControl ac = new AccessControl(null, grants);
            grants.clear();
            assertThat(ac.grants()).hasSize(1);
            assertThat(ac.isDefault()).isFalse();
            assertThat(new AccessControl(null, null).isDefault()).isTrue();
            assertThat(new AccessControl(CannedAcl.PRIVATE, null).isDefault()).isFalse();
        }

        @Test
        void ownerDisplayNameDefaultsToTheId() {
            assertThat(new Owner("abc", null).displayName()).isEqualTo("abc");
            assertThat(new Owner("abc", "name").displayName()).isEqualTo("name");
            assertThatThrownBy(() -> new Owner(null, "n")).isInstanceOf(NullPointerException.class);
        }
    }
}
