package dev.rosetta.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The former entry point, kept so that callers compile while they move to {@link StorageEngine}.
 *
 * @deprecated use {@link StorageEngine#open(Path, Durability, StorageOptions)} with the data directory
 */
@Deprecated
public final class MetadataStore implements AutoCloseable {
    private final StorageEngine engine;

    private MetadataStore(StorageEngine engine) {
        this.engine = engine;
    }

    /**
     * Opens the storage engine that keeps its metadata in {@code dir}: when {@code dir} is named
     * {@code meta} (the server's {@code <data>/meta}), its parent is the data directory, exactly as
     * {@link StorageEngine#open} lays it out; otherwise {@code dir} itself is taken as the data directory.
     */
    public static MetadataStore open(Path dir, Durability durability) {
        Objects.requireNonNull(dir, "dir");
        Path name = dir.getFileName();
        Path dataDir = name != null && name.toString().equals(StorageEngine.META) && dir.getParent() != null
                ? dir.getParent() : dir;
        return new MetadataStore(StorageEngine.open(dataDir, durability));
    }

    public StorageEngine engine() {
        return engine;
    }

    public BucketStore buckets() {
        return engine.buckets();
    }

    public MultipartSessionStore uploads() {
        return engine.uploads();
    }

    public ObjectStore objects() {
        return engine.objects();
    }

    public Durability durability() {
        return engine.durability();
    }

    @Override
    public void close() {
        engine.close();
    }
}
