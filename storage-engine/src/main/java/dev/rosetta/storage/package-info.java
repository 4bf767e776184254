/**
 * Rosetta's storage engine: metadata in one RocksDB instance, object bytes in files (next).
 *
 * <ul>
 *   <li>{@link dev.rosetta.storage.MetadataStore} opens everything and hands out the stores:
 *       {@link dev.rosetta.storage.BucketStore}, {@link dev.rosetta.storage.MultipartSessionStore}.</li>
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
