package dev.rosetta.protocol.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectHeadersReaderTest {

    private static ObjectHeaders read(FakeRequestHead head) {
        return ObjectHeadersReader.read(head, Dialect.AWS);
    }

    private static S3Exception failure(FakeRequestHead head) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> read(head));
        assertThat(e).as("expected the headers to be refused").isNotNull();
        return e;
    }

    private static FakeRequestHead head() {
        return new FakeRequestHead();
    }

    @Nested
    class Defaults {
        @Test
        void noHeadersGiveTheDefaults() {
            ObjectHeaders h = read(head());
            assertThat(h.contentType()).isEqualTo("binary/octet-stream");
            assertThat(h.cacheControl()).isNull();
            assertThat(h.contentDisposition()).isNull();
            assertThat(h.contentEncoding()).isNull();
            assertThat(h.contentLanguage()).isNull();
            assertThat(h.expires()).isNull();
            assertThat(h.websiteRedirectLocation()).isNull();
            assertThat(h.userMetadata()).isEmpty();
            assertThat(h.storageClass()).isNull();
            assertThat(h.acl().isDefault()).isTrue();
            assertThat(h.tags()).isEmpty();
            assertThat(h.sse()).isNull();
            assertThat(h.objectLock()).isNull();
            assertThat(h.checksumAlgorithm()).isNull();
            assertThat(h).isEqualTo(ObjectHeaders.defaults());
        }

        @Test
        void unrelatedHeadersAreIgnored() {
            ObjectHeaders h = read(head().header("Host", "b.s3.amazonaws.com").header("Content-Length", "5")
                    .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").header("x-amz-metadata-directive", "REPLACE")
                    .header("x-amz-meta-", "empty-name"));
            assertThat(h).isEqualTo(ObjectHeaders.defaults());
        }
    }

    @Nested
    class ContentHeaders {
        @Test
        void everyContentHeaderIsReadIgnoringNameCase() {
            ObjectHeaders h = read(head()
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .header("CACHE-CONTROL", "max-age=60")
                    .header("content-disposition", "attachment; filename=\"a b.txt\"")
                    .header("Content-Encoding", "gzip")
                    .header("Content-Language", "de-DE")
                    .header("Expires", "Thu, 01 Dec 1994 16:00:00 GMT")
                    .header("X-Amz-Website-Redirect-Location", "/other/page.html"));
            assertThat(h.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(h.cacheControl()).isEqualTo("max-age=60");
            assertThat(h.contentDisposition()).isEqualTo("attachment; filename=\"a b.txt\"");
            assertThat(h.contentEncoding()).isEqualTo("gzip");
            assertThat(h.contentLanguage()).isEqualTo("de-DE");
            assertThat(h.expires()).isEqualTo("Thu, 01 Dec 1994 16:00:00 GMT");
            assertThat(h.websiteRedirectLocation()).isEqualTo("/other/page.html");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', nullValues = "NULL", value = {
                "aws-chunked                | NULL",
                "aws-chunked,gzip           | gzip",
                "gzip,aws-chunked           | gzip",
                "aws-chunked, gzip          | gzip",
                "gzip, aws-chunked, br      | gzip,br",
                "AWS-Chunked,gzip           | gzip",
                "aws-chunked,AWS-CHUNKED    | NULL",
                "gzip                       | gzip",
                "gzip, br                   | gzip, br",
        })
        void awsChunkedIsStrippedFromContentEncoding(String sent, String stored) {
            assertThat(read(head().header("Content-Encoding", sent)).contentEncoding()).isEqualTo(stored);
        }
    }

    @Nested
    class UserMetadata {
        @Test
        void namesAreLowerCasedPrefixStrippedAndOrderKept() {
            ObjectHeaders h = read(head()
                    .header("X-Amz-Meta-Zeta", "last-letter")
                    .header("Content-Type", "text/plain")
                    .header("x-amz-meta-Alpha", "  padded  ")
                    .header("X-AMZ-META-middle-Name", "Mixed Case Value"));
            assertThat(h.userMetadata()).containsExactly(
                    Map.entry("zeta", "last-letter"),
                    Map.entry("alpha", "padded"),
                    Map.entry("middle-name", "Mixed Case Value"));
        }

        @Test
        void repeatedNamesAreJoinedWithCommas() {
            ObjectHeaders h = read(head().header("x-amz-meta-a", "1").header("X-Amz-Meta-A", "2"));
            assertThat(h.userMetadata()).containsExactly(Map.entry("a", "1,2"));
        }

        @Test
        void exactlyTwoKilobytesIsAccepted() {
            // name "k" (1 byte) + 2047-byte value = 2048
            ObjectHeaders h = read(head().header("x-amz-meta-k", "v".repeat(2047)));
            assertThat(h.userMetadata().get("k")).hasSize(2047);
        }

        @Test
        void oneByteOverTwoKilobytesIsMetadataTooLarge() {
            S3Exception e = failure(head().header("x-amz-meta-k", "v".repeat(2048)));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.METADATA_TOO_LARGE);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.details()).containsEntry("Size", "2049").containsEntry("MaxSizeAllowed", "2048");
        }

        @Test
        void limitCountsNamesAndValuesOfAllEntries() {
            // 4 x ("name" 4 + value 508) = 2048
            FakeRequestHead ok = head();
            FakeRequestHead over = head();
            for (int i = 0; i < 4; i++) {
                ok.header("x-amz-meta-nam" + i, "x".repeat(508));
                over.header("x-amz-meta-nam" + i, "x".repeat(i == 3 ? 509 : 508));
            }
            assertThat(read(ok).userMetadata()).hasSize(4);
            assertThat(failure(over).errorCode()).isEqualTo(S3ErrorCode.METADATA_TOO_LARGE);
        }

        @Test
        void limitIsMeasuredWithoutThePrefix() {
            // the 11-byte "x-amz-meta-" prefix does not count; "abcd" + 2044 = 2048
            assertThat(read(head().header("x-amz-meta-abcd", "y".repeat(2044))).userMetadata()).hasSize(1);
        }

        @Test
        void repeatedNamesAreMeasuredAsStored() {
            // stored as "kk" -> "<1022 a>,<1023 b>": 2 + 2046 = 2048 bytes
            ObjectHeaders h = read(head().header("x-amz-meta-kk", "a".repeat(1022))
                    .header("X-Amz-Meta-KK", "b".repeat(1023)));
            assertThat(h.userMetadata().get("kk")).hasSize(2046);
            assertThat(failure(head().header("x-amz-meta-kk", "a".repeat(1023))
                    .header("x-amz-meta-kk", "b".repeat(1023))).errorCode())
                    .isEqualTo(S3ErrorCode.METADATA_TOO_LARGE);
        }

        @Test
        void userMetadataIsUnmodifiable() {
            Map<String, String> meta = read(head().header("x-amz-meta-a", "1")).userMetadata();
            assertThat(catchThrowableOfType(UnsupportedOperationException.class, () -> meta.put("b", "2")))
                    .isNotNull();
        }

        @Test
        void otherDialectsUseTheirOwnPrefix() {
            Dialect obs = new Dialect("OBS", dev.rosetta.protocol.dialect.HeaderFamily.OBS,
                    dev.rosetta.protocol.dialect.WireStyle.AWS);
            ObjectHeaders h = ObjectHeadersReader.read(head()
                    .header("x-obs-meta-Color", "red")
                    .header("x-amz-meta-ignored", "1")
                    .header("x-obs-storage-class", "WARM")
                    .header("x-amz-storage-class", "NOT-A-CLASS")
                    .header("x-obs-acl", "public-read"), obs);
            assertThat(h.userMetadata()).containsExactly(Map.entry("color", "red"));
            assertThat(h.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
            assertThat(h.acl().canned()).isEqualTo(CannedAcl.PUBLIC_READ);
        }
    }

    @Nested
    class StorageClassHeader {
        @ParameterizedTest
        @ValueSource(strings = {"STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
                "GLACIER", "GLACIER_IR", "DEEP_ARCHIVE"})
        void validClasses(String value) {
            assertThat(read(head().header("x-amz-storage-class", value)).storageClass())
                    .isEqualTo(StorageClass.valueOf(value));
        }

        @Test
        void surroundingWhitespaceIsIgnored() {
            assertThat(read(head().header("X-Amz-Storage-Class", " GLACIER ")).storageClass())
                    .isEqualTo(StorageClass.GLACIER);
        }

        @ParameterizedTest
        @ValueSource(strings = {"standard", "FOO", "", "STANDARD-IA"})
        void invalidClassIsInvalidStorageClass(String value) {
            S3Exception e = failure(head().header("x-amz-storage-class", value));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_STORAGE_CLASS);
            assertThat(e.status()).isEqualTo(400);
        }
    }

    @Nested
    class Acl {
        @Test
        void cannedAcl() {
            ObjectHeaders h = read(head().header("x-amz-acl", "bucket-owner-full-control"));
            assertThat(h.acl().canned()).isEqualTo(CannedAcl.BUCKET_OWNER_FULL_CONTROL);
            assertThat(h.acl().grants()).isEmpty();
            assertThat(h.acl().isDefault()).isFalse();
        }

        @Test
        void invalidCannedAclIsInvalidArgument() {
            S3Exception e = failure(head().header("x-amz-acl", "public"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-acl").containsEntry("ArgumentValue", "public");
        }

        @Test
        void grantsFromSeveralHeaders() {
            ObjectHeaders h = read(head()
                    .header("x-amz-grant-read", "id=\"79a59df900b949e55d96a1e698fbaced\", "
                            + "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"")
                    .header("X-Amz-Grant-Full-Control", "emailAddress=xyz@amazon.com"));
            assertThat(h.acl().canned()).isNull();
            assertThat(h.acl().grants()).containsExactly(
                    new Grant(Grant.Permission.READ, Grant.GranteeType.CANONICAL_USER,
                            "79a59df900b949e55d96a1e698fbaced"),
                    new Grant(Grant.Permission.READ, Grant.GranteeType.GROUP, Grant.ALL_USERS),
                    new Grant(Grant.Permission.FULL_CONTROL, Grant.GranteeType.EMAIL, "xyz@amazon.com"));
        }

        @ParameterizedTest
        @CsvSource({
                "x-amz-grant-read, READ",
                "x-amz-grant-write, WRITE",
                "x-amz-grant-read-acp, READ_ACP",
                "x-amz-grant-write-acp, WRITE_ACP",
                "x-amz-grant-full-control, FULL_CONTROL",
        })
        void eachGrantHeaderGivesItsPermission(String header, Grant.Permission permission) {
            assertThat(read(head().header(header, "id=abc")).acl().grants())
                    .containsExactly(new Grant(permission, Grant.GranteeType.CANONICAL_USER, "abc"));
        }

        @Test
        void malformedGrantIsInvalidArgumentNamingTheHeader() {
            S3Exception e = failure(head().header("x-amz-grant-write-acp", "nobody"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-grant-write-acp");
        }

        @Test
        void cannedAclTogetherWithGrantsIsInvalidRequest() {
            S3Exception e = failure(head().header("x-amz-acl", "private").header("x-amz-grant-read", "id=abc"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("Canned ACLs").contains("Header Grants");
        }
    }

    @Nested
    class Tagging {
        @Test
        void tagsAreUrlDecodedInOrder() {
            ObjectHeaders h = read(head().header("x-amz-tagging", "project=blue&cost%20center=a%2Fb+c&empty="));
            assertThat(h.tags()).containsExactly(new Tag("project", "blue"), new Tag("cost center", "a/b c"),
                    new Tag("empty", ""));
        }

        @Test
        void tenTagsAreAcceptedElevenAreNot() {
            assertThat(read(head().header("x-amz-tagging", tags(10))).tags()).hasSize(10);
            S3Exception e = failure(head().header("x-amz-tagging", tags(11)));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
            assertThat(e.status()).isEqualTo(400);
        }

        private static String tags(int n) {
            StringJoiner j = new StringJoiner("&");
            for (int i = 0; i < n; i++) {
                j.add("k" + i + "=v" + i);
            }
            return j.toString();
        }

        @Test
        void keyAndValueLengthLimits() {
            assertThat(read(head().header("x-amz-tagging", "k".repeat(128) + "=" + "v".repeat(256))).tags())
                    .hasSize(1);
            assertThat(failure(head().header("x-amz-tagging", "k".repeat(129) + "=v")).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_TAG);
            assertThat(failure(head().header("x-amz-tagging", "k=" + "v".repeat(257))).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_TAG);
        }

        @Test
        void duplicateKeyIsInvalidTag() {
            S3Exception e = failure(head().header("x-amz-tagging", "a=1&b=2&a=3"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
            assertThat(e.details()).containsEntry("TagKey", "a");
        }

        @Test
        void duplicateAfterDecodingIsInvalidTag() {
            assertThat(failure(head().header("x-amz-tagging", "a%20b=1&a+b=2")).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_TAG);
        }
    }

    @Nested
    class Sse {
        @Test
        void aes256() {
            ServerSideEncryption sse = read(head().header("x-amz-server-side-encryption", "AES256")).sse();
            assertThat(sse).isEqualTo(new ServerSideEncryption("AES256", null, null, null, null, null));
        }

        @Test
        void kmsWithKeyIdContextAndBucketKey() {
            ServerSideEncryption sse = read(head()
                    .header("x-amz-server-side-encryption", "aws:kms")
                    .header("x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:us-east-1:1:key/abc")
                    .header("x-amz-server-side-encryption-context", "eyJhIjoiYiJ9")
                    .header("x-amz-server-side-encryption-bucket-key-enabled", "TRUE")).sse();
            assertThat(sse).isEqualTo(new ServerSideEncryption("aws:kms", "arn:aws:kms:us-east-1:1:key/abc",
                    "eyJhIjoiYiJ9", true, null, null));
        }

        @Test
        void dsseKmsWithKeyId() {
            ServerSideEncryption sse = read(head()
                    .header("x-amz-server-side-encryption", "aws:kms:dsse")
                    .header("x-amz-server-side-encryption-aws-kms-key-id", "k1")).sse();
            assertThat(sse.algorithm()).isEqualTo("aws:kms:dsse");
            assertThat(sse.kmsKeyId()).isEqualTo("k1");
        }

        @Test
        void bucketKeyFalse() {
            assertThat(read(head().header("x-amz-server-side-encryption", "aws:kms")
                    .header("x-amz-server-side-encryption-bucket-key-enabled", "false")).sse().bucketKeyEnabled())
                    .isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"AES128", "aes256", "aws:KMS", "kms", ""})
        void invalidAlgorithmIsInvalidArgument(String value) {
            S3Exception e = failure(head().header("x-amz-server-side-encryption", value));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption");
        }

        @Test
        void kmsKeyIdWithoutKmsIsInvalidArgument() {
            S3Exception alone = failure(head().header("x-amz-server-side-encryption-aws-kms-key-id", "k1"));
            assertThat(alone.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(alone.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption");

            S3Exception withAes = failure(head().header("x-amz-server-side-encryption", "AES256")
                    .header("x-amz-server-side-encryption-aws-kms-key-id", "k1"));
            assertThat(withAes.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(withAes.details()).containsEntry("ArgumentValue", "AES256");
        }

        @Test
        void kmsContextWithoutKmsIsInvalidArgument() {
            assertThat(failure(head().header("x-amz-server-side-encryption-context", "e30=")).errorCode())
                    .isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        }

        @Test
        void invalidBucketKeyFlagIsInvalidArgument() {
            S3Exception e = failure(head().header("x-amz-server-side-encryption", "aws:kms")
                    .header("x-amz-server-side-encryption-bucket-key-enabled", "yes"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption-bucket-key-enabled");
        }
    }

    @Nested
    class SseC {
        private static final byte[] RAW_KEY = new byte[32];
        private static final String KEY;
        private static final String KEY_MD5;

        static {
            for (int i = 0; i < RAW_KEY.length; i++) {
                RAW_KEY[i] = (byte) (i * 7 + 3);
            }
            KEY = Base64.getEncoder().encodeToString(RAW_KEY);
            KEY_MD5 = md5(RAW_KEY);
        }

        private static String md5(byte[] b) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(b));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        private FakeRequestHead ssec(String algorithm, String key, String md5) {
            FakeRequestHead h = head();
            if (algorithm != null) {
                h.header("x-amz-server-side-encryption-customer-algorithm", algorithm);
            }
            if (key != null) {
                h.header("X-Amz-Server-Side-Encryption-Customer-Key", key);
            }
            if (md5 != null) {
                h.header("x-amz-server-side-encryption-customer-key-MD5", md5);
            }
            return h;
        }

        /** The key must not leak through the error answer (message, details) nor through logs (toString, causes). */
        private S3Exception refusedWithoutLeak(FakeRequestHead h, String key) {
            S3Exception e = failure(h);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.status()).isEqualTo(400);
            StringBuilder said = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                said.append(t).append(t.getMessage());
            }
            said.append(e.details());
            if (key != null && !key.isEmpty()) {
                assertThat(said.toString()).doesNotContain(key);
                if (key.length() >= 12) {
                    assertThat(said.toString()).doesNotContain(key.substring(0, 12));
                }
            }
            return e;
        }

        @Test
        void validTripleKeepsAlgorithmAndMd5ButNeverTheKey() {
            ObjectHeaders h = read(ssec("AES256", KEY, KEY_MD5));
            assertThat(h.sse()).isEqualTo(new ServerSideEncryption(null, null, null, null, "AES256", KEY_MD5));
            assertThat(h.toString()).doesNotContain(KEY);
        }

        @Test
        void wrongMd5() {
            S3Exception e = refusedWithoutLeak(ssec("AES256", KEY, md5(new byte[32])), KEY);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption-customer-key-MD5");
        }

        @Test
        void keyNot32Bytes() {
            String shortKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                    13, 14, 15, 16});
            S3Exception e = refusedWithoutLeak(ssec("AES256", shortKey, md5(Base64.getDecoder().decode(shortKey))),
                    shortKey);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption-customer-key");

            byte[] longRaw = new byte[33];
            longRaw[5] = 9;
            String longKey = Base64.getEncoder().encodeToString(longRaw);
            refusedWithoutLeak(ssec("AES256", longKey, md5(longRaw)), longKey);
        }

        @Test
        void keyNotBase64() {
            String notBase64 = "this is definitely not base64 key material!!";
            refusedWithoutLeak(ssec("AES256", notBase64, KEY_MD5), notBase64);
        }

        @Test
        void missingAlgorithm() {
            S3Exception e = refusedWithoutLeak(ssec(null, KEY, KEY_MD5), KEY);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption-customer-algorithm");
        }

        @Test
        void wrongAlgorithm() {
            refusedWithoutLeak(ssec("aws:kms", KEY, KEY_MD5), KEY);
        }

        @Test
        void missingKeyOrMd5() {
            S3Exception noKey = refusedWithoutLeak(ssec("AES256", null, KEY_MD5), null);
            assertThat(noKey.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption-customer-key");
            refusedWithoutLeak(ssec("AES256", KEY, null), KEY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"AES256", "aws:kms"})
        void sseCTogetherWithServerSideEncryptionIsInvalidArgument(String algorithm) {
            FakeRequestHead h = ssec("AES256", KEY, KEY_MD5).header("x-amz-server-side-encryption", algorithm);
            S3Exception e = refusedWithoutLeak(h, KEY);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption");
        }

        @Test
        void checkCustomerKeyAcceptsAValidTripleDirectly() {
            ObjectHeadersReader.checkCustomerKey("x-amz-copy-source-server-side-encryption-customer-", "AES256", KEY,
                    KEY_MD5);
            S3Exception e = catchThrowableOfType(S3Exception.class, () -> ObjectHeadersReader.checkCustomerKey(
                    "x-amz-copy-source-server-side-encryption-customer-", "AES256", KEY, md5(new byte[1])));
            assertThat(e.details().get("ArgumentName")).startsWith("x-amz-copy-source-");
        }
    }

    @Nested
    class ObjectLockHeaders {
        @ParameterizedTest
        @ValueSource(strings = {"GOVERNANCE", "COMPLIANCE"})
        void modeAndDate(String mode) {
            ObjectLock lock = read(head().header("x-amz-object-lock-mode", mode)
                    .header("x-amz-object-lock-retain-until-date", "2030-01-02T03:04:05.000Z")).objectLock();
            assertThat(lock).isEqualTo(new ObjectLock(mode, Instant.parse("2030-01-02T03:04:05Z"), null));
        }

        @Test
        void dateWithOffsetIsNormalisedToUtc() {
            ObjectLock lock = read(head().header("x-amz-object-lock-mode", "GOVERNANCE")
                    .header("x-amz-object-lock-retain-until-date", "2030-01-02T05:04:05+02:00")).objectLock();
            assertThat(lock.retainUntil()).isEqualTo(Instant.parse("2030-01-02T03:04:05Z"));
        }

        @Test
        void onlyModeOrOnlyDateIsInvalidArgument() {
            S3Exception onlyMode = failure(head().header("x-amz-object-lock-mode", "GOVERNANCE"));
            assertThat(onlyMode.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(onlyMode.details()).containsEntry("ArgumentName", "x-amz-object-lock-retain-until-date");

            S3Exception onlyDate = failure(head().header("x-amz-object-lock-retain-until-date",
                    "2030-01-02T03:04:05Z"));
            assertThat(onlyDate.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(onlyDate.details()).containsEntry("ArgumentName", "x-amz-object-lock-mode");
        }

        @ParameterizedTest
        @ValueSource(strings = {"governance", "LEGAL", ""})
        void badModeIsInvalidArgument(String mode) {
            S3Exception e = failure(head().header("x-amz-object-lock-mode", mode)
                    .header("x-amz-object-lock-retain-until-date", "2030-01-02T03:04:05Z"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-object-lock-mode");
        }

        @ParameterizedTest
        @ValueSource(strings = {"tomorrow", "", "2030-13-01T00:00:00Z", "2030-01-02T25:00:00Z"})
        void badDateIsInvalidArgument(String date) {
            S3Exception e = failure(head().header("x-amz-object-lock-mode", "COMPLIANCE")
                    .header("x-amz-object-lock-retain-until-date", date));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-object-lock-retain-until-date");
        }

        @Test
        void legalHoldOnAndOff() {
            assertThat(read(head().header("x-amz-object-lock-legal-hold", "ON")).objectLock())
                    .isEqualTo(new ObjectLock(null, null, true));
            assertThat(read(head().header("x-amz-object-lock-legal-hold", "OFF")).objectLock())
                    .isEqualTo(new ObjectLock(null, null, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"on", "true", "", "YES"})
        void badLegalHoldIsInvalidArgument(String value) {
            S3Exception e = failure(head().header("x-amz-object-lock-legal-hold", value));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-object-lock-legal-hold");
        }
    }

    @Nested
    class ChecksumAlgorithm {
        @ParameterizedTest
        @CsvSource({"CRC32, CRC32", "crc32c, CRC32C", "CRC64NVME, CRC64NVME", "sha1, SHA1", "Sha256, SHA256"})
        void validAlgorithmsAreUpperCased(String sent, String stored) {
            assertThat(read(head().header("x-amz-checksum-algorithm", sent)).checksumAlgorithm()).isEqualTo(stored);
        }

        @ParameterizedTest
        @ValueSource(strings = {"MD5", "CRC64", "", "SHA512"})
        void invalidAlgorithmIsInvalidRequest(String value) {
            S3Exception e = failure(head().header("x-amz-checksum-algorithm", value));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
            assertThat(e.getMessage()).contains("x-amz-checksum-algorithm");
        }
    }
}
