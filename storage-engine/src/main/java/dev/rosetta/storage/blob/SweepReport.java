package dev.rosetta.storage.blob;

/**
 * What one orphan sweep did.
 *
 * @param scanned     blob files looked at
 * @param deleted     orphans removed
 * @param bytesFreed  their total size
 * @param keptRecent  unreferenced files kept because they were modified after the sweep started or
 *                    belong to a write still in progress
 */
public record SweepReport(long scanned, long deleted, long bytesFreed, long keptRecent) {
}
