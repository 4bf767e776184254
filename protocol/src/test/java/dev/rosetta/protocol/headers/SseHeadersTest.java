package dev.rosetta.protocol.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.SseHeaderNames;
import dev.rosetta.protocol.dialect.WireStyle;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.CustomerKey;
import dev.rosetta.protocol.model.ServerSideEncryption;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each family's own SSE header names and words, read onto S3's algorithms; SSE-C keys of requests and copy sources. */
class SseHeadersTest {
    static final Dialect AWS = Dialect.AWS;
    static final Dialect OBS = new Dialect("OBS", HeaderFamily.OBS, WireStyle.AWS);
    static final Dialect COS = new Dialect("COS", HeaderFamily.COS, WireStyle.AWS);
    static final String CONTEXT = Base64.getEncoder().encodeToString("{\"a\":\"b\"}".getBytes(StandardCharsets.UTF_8));

    static ServerSideEncryption sse(Dialect d, FakeRequestHead h) {
        return ObjectHeadersReader.read(h, d).sse();
    }

    static S3Exception failure(Dialect d, FakeRequestHead h) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> ObjectHeadersReader.read(h, d));
        assertThat(e).as("expected a refusal").isNotNull();
        return e;
    }

    @Test
    void obsKmsIsReadAsAwsKmsWithItsOwnKeyIdHeader() {
        ServerSideEncryption s = sse(OBS, new FakeRequestHead()
                .header("x-obs-server-side-encryption", "kms")
                .header("x-obs-server-side-encryption-kms-key-id", "region:domain:key/1")
                .header("x-obs-sse-kms-key-project-id", "project"));
        assertThat(s).isEqualTo(new ServerSideEncryption("aws:kms", "region:domain:key/1", null, null, null, null));
        assertThat(sse(OBS, new FakeRequestHead().header("x-obs-server-side-encryption", "AES256")).algorithm())
                .isEqualTo("AES256");
    }

    @Test
    void cosKmsIsReadAsAwsKmsWithKeyIdAndContext() {
        ServerSideEncryption s = sse(COS, new FakeRequestHead()
                .header("x-cos-server-side-encryption", "cos/kms")
                .header("x-cos-server-side-encryption-cos-kms-key-id", "cmk-1")
                .header("x-cos-server-side-encryption-context", CONTEXT));
        assertThat(s).isEqualTo(new ServerSideEncryption("aws:kms", "cmk-1", CONTEXT, null, null, null));
    }

    @ParameterizedTest
    @CsvSource({"OBS, aws:kms", "OBS, cos/kms", "COS, aws:kms", "COS, kms", "COS, SM4", "AWS, kms", "AWS, cos/kms"})
    void anotherFamilysWordIsNotSupported(String family, String value) {
        Dialect d = family.equals("OBS") ? OBS : family.equals("COS") ? COS : AWS;
        String header = SseHeaderNames.algorithm(d.family());
        S3Exception e = failure(d, new FakeRequestHead().header(header, value));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(e.details()).containsEntry("ArgumentName", header);
    }

    @Test
    void aKeyIdWithoutKmsNamesTheFamilysWord() {
        S3Exception e = failure(COS, new FakeRequestHead().header("x-cos-server-side-encryption", "AES256")
                .header("x-cos-server-side-encryption-cos-kms-key-id", "k"));
        assertThat(e.getMessage()).contains("x-cos-server-side-encryption : cos/kms");
    }

    @Test
    void theContextMustBeBase64Json() {
        for (String bad : new String[] {"not base64!", Base64.getEncoder().encodeToString("plain".getBytes())}) {
            S3Exception e = failure(AWS, new FakeRequestHead().header("x-amz-server-side-encryption", "aws:kms")
                    .header("x-amz-server-side-encryption-context", bad));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-server-side-encryption-context");
        }
    }

    @Test
    void answersUseEachFamilysWordsAndNames() {
        assertThat(SseHeaderNames.algorithmName(HeaderFamily.OBS, "aws:kms")).isEqualTo("kms");
        assertThat(SseHeaderNames.algorithmName(HeaderFamily.COS, "aws:kms:dsse")).isEqualTo("cos/kms");
        assertThat(SseHeaderNames.algorithmName(HeaderFamily.AMZ, "aws:kms:dsse")).isEqualTo("aws:kms:dsse");
        assertThat(SseHeaderNames.algorithmName(HeaderFamily.COS, "AES256")).isEqualTo("AES256");
        assertThat(SseHeaderNames.kmsKeyId(HeaderFamily.AMZ)).isEqualTo("x-amz-server-side-encryption-aws-kms-key-id");
        assertThat(SseHeaderNames.kmsKeyId(HeaderFamily.OBS)).isEqualTo("x-obs-server-side-encryption-kms-key-id");
        assertThat(SseHeaderNames.kmsKeyId(HeaderFamily.COS)).isEqualTo("x-cos-server-side-encryption-cos-kms-key-id");
        assertThat(SseHeaderNames.context(HeaderFamily.OBS)).isNull();
        assertThat(SseHeaderNames.bucketKeyEnabled(HeaderFamily.COS)).isNull();
        assertThat(SseHeaderNames.customer(HeaderFamily.COS, true, "key-MD5"))
                .isEqualTo("x-cos-copy-source-server-side-encryption-customer-key-MD5");
    }

    @Test
    void customerKeysOfTheObjectAndOfTheCopySourceAreReadApart() throws Exception {
        byte[] key = new byte[32];
        key[3] = 7;
        String b64 = Base64.getEncoder().encodeToString(key);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(key));
        FakeRequestHead h = new FakeRequestHead()
                .header("x-obs-copy-source-server-side-encryption-customer-algorithm", "AES256")
                .header("x-obs-copy-source-server-side-encryption-customer-key", b64)
                .header("x-obs-copy-source-server-side-encryption-customer-key-MD5", md5);
        assertThat(CustomerKeyHeaders.read(h, OBS, false)).isNull();
        CustomerKey source = CustomerKeyHeaders.read(h, OBS, true);
        assertThat(source.key()).isEqualTo(key);
        assertThat(source.keyMd5()).isEqualTo(md5);
        assertThat(source.matches(md5)).isTrue();
        assertThat(source.matches(Base64.getEncoder().encodeToString(new byte[16]))).isFalse();
        assertThat(source.toString()).doesNotContain(b64);
        // an incomplete triple is S3's InvalidArgument, naming the copy-source header
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> CustomerKeyHeaders.read(new FakeRequestHead()
                .header("x-amz-copy-source-server-side-encryption-customer-algorithm", "AES256"), AWS, true));
        assertThat(e.details()).containsEntry("ArgumentName", "x-amz-copy-source-server-side-encryption-customer-key");
    }
}
