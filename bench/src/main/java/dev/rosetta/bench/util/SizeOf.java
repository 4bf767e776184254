package dev.rosetta.bench.util;

/** {@code java -cp rosetta-bench.jar dev.rosetta.bench.util.SizeOf 4KiB} prints 4096 (for scripts). */
public final class SizeOf {
    private SizeOf() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SizeOf SIZE");
            System.exit(2);
        }
        System.out.println(Units.parseSize(args[0]));
    }
}
