/**
 * Flexible checksums (dialects.md §2.9): {@link dev.rosetta.protocol.checksum.ChecksumAlgorithm} names the
 * five algorithms and their {@code x-amz-checksum-*} headers, makes incremental
 * {@link dev.rosetta.protocol.checksum.Checksum}s, and computes the multipart COMPOSITE and FULL_OBJECT
 * (CRC combination) checksums. Pure computation, no I/O.
 */
package dev.rosetta.protocol.checksum;
