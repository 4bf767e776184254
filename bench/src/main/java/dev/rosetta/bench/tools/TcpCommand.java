package dev.rosetta.bench.tools;

import dev.rosetta.bench.load.CpuMeter;
import dev.rosetta.bench.util.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Loopback TCP throughput: the ceiling any server on this machine can reach through 127.0.0.1. */
@Command(name = "tcp", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loopback TCP throughput (like iperf): writer threads send to reader threads over 127.0.0.1.")
public final class TcpCommand implements Callable<Integer> {
    @Option(names = "--duration", defaultValue = "10s", description = "How long to send (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--buffer", defaultValue = "128KiB", description = "Bytes per write (default ${DEFAULT-VALUE}).")
    String buffer;

    @Option(names = "--streams", defaultValue = "1", description = "Parallel connections (default ${DEFAULT-VALUE}).")
    int streams;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long nanos = Units.parseDuration(duration);
        int size = (int) Units.parseSize(buffer);
        AtomicLong received = new AtomicLong();
        long cpuBefore = CpuMeter.processCpuNanos();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + nanos;
            for (int i = 0; i < streams; i++) {
                Thread writer = new Thread(() -> write(address, size, end), "tcp-writer-" + i);
                writer.start();
                SocketChannel in = server.accept();
                Thread reader = new Thread(() -> read(in, size, received), "tcp-reader-" + i);
                reader.start();
                threads.add(writer);
                threads.add(reader);
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (CpuMeter.processCpuNanos() - cpuBefore) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "loopback TCP: %d stream(s), %s writes, %.1f s: %.2f Gbit/s (%.0f MiB/s), CPU %.2f s%n",
                    streams, Units.formatSize(size), seconds, received.get() * 8 / seconds / 1e9,
                    received.get() / seconds / 1048576, cpu);
            out.flush();
        }
        return 0;
    }

    private static void write(InetSocketAddress address, int size, long end) {
        try (SocketChannel out = SocketChannel.open(address)) {
            out.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer buf = ByteBuffer.allocateDirect(size);
            while (System.nanoTime() - end < 0) {
                buf.clear();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void read(SocketChannel in, int size, AtomicLong received) {
        try (in) {
            ByteBuffer buf = ByteBuffer.allocateDirect(size);
            long n = 0;
            int r;
            while ((r = in.read(buf)) >= 0) {
                n += r;
                buf.clear();
            }
            received.addAndGet(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
