/**
 * Rosetta's storage engine: metadata in one RocksDB instance, object bytes in files.
 *
 * <ul>
 *   <li>{@link dev.rosetta.storage.StorageEngine} opens a data directory and hands out the stores:
 *       {@link dev.rosetta.storage.BucketStore}, {@link dev.rosetta.storage.ObjectStore},
 *       {@link dev.rosetta.storage.MultipartSessionStore}, and the
 *       {@link dev.rosetta.storage.blob.BlobStore}. Its class comment states the crash invariant, the
 *       blob ownership rule and the global lock order.</li>
 *   <li>Records: {@link dev.rosetta.storage.ObjectRecord} (with an {@link dev.rosetta.storage.ObjectBody}:
 *       inline bytes, one blob, or a manifest of part blobs), {@link dev.rosetta.storage.PartRecord},
 *       {@link dev.rosetta.storage.MultipartUpload}, {@link dev.rosetta.storage.BucketRecord};
 *       {@link dev.rosetta.storage.BodyRanges} maps byte ranges and part numbers onto bodies.</li>
 *   <li>{@code blob}: blob files (tmp, commit, fsync, rename), and the orphan sweep.</li>
 *   <li>{@code schema}: the column families ({@code Schema}), their key layouts ({@code Keys}) and
 *       value codecs.</li>
 *   <li>{@code kv}: a small typed layer over RocksDB (tables, atomic batches, bounded cursors).</li>
 *   <li>{@code codec}: the versioned tagged-field record encoding.</li>
 * </ul>
 *
 * Client-visible failures are {@link dev.rosetta.protocol.error.S3Exception}s; failures of the store
 * itself are {@link dev.rosetta.storage.StorageException}s (answer InternalError).
 */
package dev.rosetta.storage;
