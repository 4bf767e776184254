package dev.rosetta.storage;

import static dev.rosetta.storage.BucketStoreTest.assertS3Error;
import static dev.rosetta.storage.Fixtures.ALICE;
import static dev.rosetta.storage.Fixtures.NOW;
import static dev.rosetta.storage.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.storage.blob.BlobRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {
    @TempDir
    Path dir;
    StorageEngine engine;
    ObjectStore objects;

    @BeforeEach
    void open() {
        engine = StorageEngine.open(dir, Durability.NONE, new StorageOptions(16));
        objects = engine.objects();
        engine.buckets().create("b", ALICE, null, "AWS", NOW);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static final WriteGuard REFUSE = existing -> {
        throw new S3Exception(S3ErrorCode.PRECONDITION_FAILED).with("Condition", "If-Match");
    };

    @Test
    void putFindRequireDelete() {
        ObjectRecord o = Fixtures.inline("b", "dir/a b+c%.txt", "hello");
        assertThat(objects.put(o, WriteGuard.NONE)).isNull();
        assertThat(objects.find("b", "dir/a b+c%.txt")).contains(o);
        assertThat(objects.require("b", "dir/a b+c%.txt")).isEqualTo(o);
        assertThat(objects.find("b", "dir/a b+c%.tx")).isEmpty();
        assertS3Error(() -> objects.require("b", "nope"), S3ErrorCode.NO_SUCH_KEY, "Key", "nope");
        assertS3Error(() -> objects.require("missing", "k"), S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "missing");

        assertThat(objects.delete("b", "dir/a b+c%.txt", WriteGuard.NONE)).isEqualTo(o);
        assertThat(objects.delete("b", "dir/a b+c%.txt", WriteGuard.NONE)).isNull();
        assertThat(objects.find("b", "dir/a b+c%.txt")).isEmpty();
        assertS3Error(() -> objects.delete("missing", "k", WriteGuard.NONE), S3ErrorCode.NO_SUCH_BUCKET,
                "BucketName", "missing");
    }

    @Test
    void aDeletedBucketTakesNoObjectsThoughItsRecordWasCached() {
        engine.buckets().create("gone", ALICE, null, "AWS", NOW);
        objects.put(Fixtures.inline("gone", "k", "x"), WriteGuard.NONE); // the bucket's record is now cached
        objects.delete("gone", "k", WriteGuard.NONE);
        engine.buckets().delete("gone");
        assertS3Error(() -> objects.put(Fixtures.inline("gone", "k", "y"), WriteGuard.NONE),
                S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "gone");
        assertThat(engine.database().table(dev.rosetta.storage.schema.Schema.OBJECTS)
                .isEmpty(dev.rosetta.storage.schema.Keys.bucketContents("gone"))).isTrue();
    }

    @Test
    void overwriteFreesTheOldBlobAfterCommit() throws IOException {
        ObjectRecord first = Fixtures.blobObject(engine.blobs(), "b", "k", utf8("first version"));
        objects.put(first, WriteGuard.NONE);
        BlobRef firstBlob = first.body().blobs().get(0);
        assertThat(engine.blobs().pendingCount()).isZero();

        ObjectRecord second = Fixtures.blobObject(engine.blobs(), "b", "k", utf8("second version!"));
        AtomicReference<Boolean> oldBlobPresentAtGuard = new AtomicReference<>();
        try (FileChannel reader = engine.blobs().open(firstBlob)) {
            ObjectRecord replaced = objects.put(second, existing -> {
                assertThat(existing).isEqualTo(first);
                oldBlobPresentAtGuard.set(engine.blobs().exists(firstBlob));
            });
            assertThat(replaced).isEqualTo(first);
            assertThat(oldBlobPresentAtGuard.get()).isTrue();
            assertThat(engine.blobs().exists(firstBlob)).isFalse();
            // a GET that opened the blob before the overwrite still reads the old bytes
            ByteBuffer buf = ByteBuffer.allocate((int) firstBlob.size());
            while (buf.hasRemaining() && reader.read(buf) >= 0) {
                // fill
            }
            assertThat(buf.array()).isEqualTo(utf8("first version"));
        }
        assertThat(Fixtures.read(engine.blobs(), objects.require("b", "k"))).isEqualTo(utf8("second version!"));
        assertThat(engine.blobs().pendingCount()).isZero();

        // inline replaces blob: blob freed; blob replaces inline: nothing to free
        objects.put(Fixtures.inline("b", "k", "tiny"), WriteGuard.NONE);
        assertThat(engine.blobs().exists(second.body().blobs().get(0))).isFalse();
    }

    @Test
    void sameKeyRewriteKeepsAReusedBlob() {
        ObjectRecord o = Fixtures.blobObject(engine.blobs(), "b", "k", utf8("payload bytes"));
        objects.put(o, WriteGuard.NONE);
        ObjectHeaders newHeaders = new ObjectHeaders("text/plain", null, null, null, null, null, null,
                Map.of("x", "y"), null, null, null, null, null, null);
        ObjectRecord rewritten = new ObjectRecord("b", "k", o.size(), o.etag(), NOW.plusSeconds(1), ALICE, "AWS",
                newHeaders, Map.of(), null, o.body(), null);
        assertThat(objects.put(rewritten, WriteGuard.NONE)).isEqualTo(o);
        assertThat(engine.blobs().exists(o.body().blobs().get(0))).isTrue();
        assertThat(objects.require("b", "k").headers().contentType()).isEqualTo("text/plain");

        // a refused rewrite that reuses the blob must not delete it either
        assertThatThrownBy(() -> objects.put(rewritten, REFUSE)).isInstanceOf(S3Exception.class);
        assertThat(engine.blobs().exists(o.body().blobs().get(0))).isTrue();
    }

    @Test
    void refusedWritesChangeNothingAndFreeWhatTheyWereHanded() {
        ObjectRecord o = Fixtures.blobObject(engine.blobs(), "b", "k", utf8("keep me"));
        objects.put(o, WriteGuard.NONE);
        ObjectRecord candidate = Fixtures.blobObject(engine.blobs(), "b", "k", utf8("refused"));
        BlobRef candidateBlob = candidate.body().blobs().get(0);

        assertS3Error(() -> objects.put(candidate, REFUSE), S3ErrorCode.PRECONDITION_FAILED, "Condition", "If-Match");
        assertThat(objects.require("b", "k")).isEqualTo(o);
        assertThat(engine.blobs().exists(o.body().blobs().get(0))).isTrue();
        assertThat(engine.blobs().exists(candidateBlob)).as("handed blob freed on refusal").isFalse();

        assertS3Error(() -> objects.delete("b", "k", REFUSE), S3ErrorCode.PRECONDITION_FAILED, "Condition",
                "If-Match");
        assertThat(objects.require("b", "k")).isEqualTo(o);
        assertThat(engine.blobs().exists(o.body().blobs().get(0))).isTrue();

        // If-None-Match: * style guard on a fresh key lets it through, on an existing key refuses
        WriteGuard ifNoneMatch = existing -> {
            if (existing != null) {
                throw new S3Exception(S3ErrorCode.PRECONDITION_FAILED);
            }
        };
        objects.put(Fixtures.inline("b", "fresh", "x"), ifNoneMatch);
        assertThatThrownBy(() -> objects.put(Fixtures.inline("b", "fresh", "y"), ifNoneMatch))
                .isInstanceOf(S3Exception.class);
        assertThat(new String(((ObjectBody.Inline) objects.require("b", "fresh").body()).bytes())).isEqualTo("x");

        // a put into a missing bucket frees its blob too
        ObjectRecord lost = Fixtures.blobObject(engine.blobs(), "missing", "k", utf8("lost"));
        assertS3Error(() -> objects.put(lost, WriteGuard.NONE), S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "missing");
        assertThat(engine.blobs().exists(lost.body().blobs().get(0))).isFalse();
        assertThat(engine.blobs().pendingCount()).isZero();
    }

    @Test
    void deleteFreesTheBlobAndEmptiesTheBucket() {
        ObjectRecord o = Fixtures.blobObject(engine.blobs(), "b", "k", utf8("bytes"));
        objects.put(o, WriteGuard.NONE);
        assertS3Error(() -> engine.buckets().delete("b"), S3ErrorCode.BUCKET_NOT_EMPTY, "BucketName", "b");
        AtomicReference<ObjectRecord> seen = new AtomicReference<>();
        assertThat(objects.delete("b", "k", seen::set)).isEqualTo(o);
        assertThat(seen.get()).isEqualTo(o);
        assertThat(engine.blobs().exists(o.body().blobs().get(0))).isFalse();
        engine.buckets().delete("b");
        assertThat(engine.buckets().exists("b")).isFalse();
    }

    @Test
    void bodyWriterInlinesSmallBodiesAndSpillsLargeOnes() {
        // threshold 16 in this test
        try (BodyWriter w = objects.newBody()) {
            w.write(ByteBuffer.wrap(utf8("0123456789")));
            w.write(ByteBuffer.wrap(utf8("abcdef")));
            assertThat(w.size()).isEqualTo(16);
            ObjectBody body = w.finish();
            assertThat(body).isEqualTo(new ObjectBody.Inline(utf8("0123456789abcdef")));
        }
        ObjectBody spilled;
        try (BodyWriter w = objects.newBody()) {
            w.write(ByteBuffer.wrap(utf8("0123456789")));
            w.write(ByteBuffer.wrap(utf8("abcdefg")));
            w.write(ByteBuffer.wrap(utf8("!")));
            assertThat(w.size()).isEqualTo(18);
            spilled = w.finish();
        }
        assertThat(spilled).isInstanceOf(ObjectBody.Blob.class);
        assertThat(Fixtures.read(engine.blobs(), spilled.blobs().get(0))).isEqualTo(utf8("0123456789abcdefg!"));
        ObjectRecord o = Fixtures.record("b", "big", utf8("0123456789abcdefg!"), spilled);
        objects.put(o, WriteGuard.NONE);
        assertThat(engine.blobs().pendingCount()).isZero();

        try (BodyWriter w = objects.newBody()) {
            assertThat(w.finish()).isEqualTo(ObjectBody.Inline.EMPTY);
        }
        BodyWriter aborted = objects.newBody();
        aborted.write(ByteBuffer.allocate(100));
        aborted.abort();
        assertThat(engine.blobs().pendingCount()).isZero();
        assertThat(dir.resolve("tmp").toFile().list()).isEmpty();
    }
}
