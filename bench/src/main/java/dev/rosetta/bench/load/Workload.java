package dev.rosetta.bench.load;

/** Hands operations to connection slots. Called on the slots' event loops, possibly several at once. */
public interface Workload {

    /** The next operation for this slot, or null when there is nothing left to do. */
    Op next(Slot slot);

    /** One logical operation: one or more requests on the slot, ending with {@link Slot#done} or {@link Slot#fail}. */
    @FunctionalInterface
    interface Op {
        void start(Slot slot);
    }
}
