package dev.rosetta.server.crypto;

import dev.rosetta.server.handler.object.BodyCopier;
import dev.rosetta.storage.ManifestPart;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.blob.BlobWriter;
import dev.rosetta.storage.crypto.DataKey;
import dev.rosetta.storage.crypto.EnvelopeOpener;
import dev.rosetta.storage.crypto.KeyEncryptionKey;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a CopyObject destination, blob by blob (a manifest stays a manifest, so {@code partNumber}
 * reads keep working), reading bytes only where the encryption changes between plain and encrypted:
 * <ul>
 *   <li>plain to plain: the same blob (a copy onto itself) or a hard link;</li>
 *   <li>encrypted to encrypted (any scheme to any scheme): the same ciphertext (same blob, or a hard link)
 *       with its data key re-wrapped by the destination's key-encryption key;</li>
 *   <li>plain to encrypted, encrypted to plain: streamed through the ciphers into a new blob.</li>
 * </ul>
 * Inline bodies are handled the same way in memory.
 */
public final class CopyBodies {
    private final BlobStore blobs;
    private final BodyCopier copier;

    public CopyBodies(BlobStore blobs) {
        this.blobs = blobs;
        this.copier = new BodyCopier(blobs);
    }

    /**
     * @param self        a copy onto itself: its blobs may be reused in place
     * @param sourceKeys  opens the source's envelopes
     * @param destination the destination's key-encryption key, or null for an unencrypted destination
     * @throws NoSuchFileException when a source blob is gone (the source was replaced meanwhile); blobs made
     *                             so far are deleted, whatever fails
     */
    public ObjectBody copy(ObjectBody source, boolean self, EnvelopeOpener sourceKeys, KeyEncryptionKey destination)
            throws IOException {
        if (source instanceof ObjectBody.Inline inline) {
            return inline(inline, sourceKeys, destination);
        }
        List<BlobRef> made = new ArrayList<>();
        try {
            if (source instanceof ObjectBody.Blob b) {
                return new ObjectBody.Blob(blob(b.ref(), self, sourceKeys, destination, made));
            }
            List<ManifestPart> parts = new ArrayList<>();
            for (ManifestPart p : ((ObjectBody.Manifest) source).parts()) {
                BlobRef ref = blob(p.blob(), self, sourceKeys, destination, made);
                parts.add(new ManifestPart(p.partNumber(), ref, p.size(), p.etag(), p.checksums()));
            }
            return new ObjectBody.Manifest(parts);
        } catch (IOException | RuntimeException e) {
            for (BlobRef r : made) {
                blobs.delete(r);
            }
            throw e;
        }
    }

    private static ObjectBody.Inline inline(ObjectBody.Inline source, EnvelopeOpener sourceKeys,
                                            KeyEncryptionKey destination) {
        byte[] bytes = source.bytes();
        if (!source.encrypted() && destination == null) {
            return source;
        }
        if (source.encrypted() && destination != null) {
            return new ObjectBody.Inline(bytes, destination.reseal(sourceKeys.open(source.envelope())).envelope());
        }
        byte[] plain = source.encrypted() ? sourceKeys.open(source.envelope()).crypt(bytes, 0, bytes.length, 0) : bytes;
        if (destination == null) {
            return new ObjectBody.Inline(plain);
        }
        DataKey key = destination.newDataKey();
        return new ObjectBody.Inline(key.crypt(plain, 0, plain.length, 0), key.envelope());
    }

    private BlobRef blob(BlobRef source, boolean self, EnvelopeOpener sourceKeys, KeyEncryptionKey destination,
                         List<BlobRef> made) throws IOException {
        if (!source.encrypted() && destination == null) {
            return self ? source : link(source, made);
        }
        if (source.encrypted() && destination != null) {
            DataKey key = sourceKeys.open(source.envelope());
            BlobRef same = self ? source : link(source, made);
            return same.withEnvelope(destination.reseal(key).envelope());
        }
        try (BlobWriter out = blobs.create(destination == null ? null : destination.newDataKey())) {
            if (source.size() > 0) {
                copier.read(new ObjectBody.Blob(source), 0, source.size() - 1, false, null, out, sourceKeys);
            }
            BlobRef ref = out.commit();
            made.add(ref);
            return ref;
        } catch (StorageException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private BlobRef link(BlobRef source, List<BlobRef> made) throws NoSuchFileException {
        try {
            BlobRef ref = blobs.copy(source);
            made.add(ref);
            return ref;
        } catch (StorageException e) {
            if (e.getCause() instanceof NoSuchFileException gone) {
                throw gone;
            }
            throw e;
        }
    }
}
