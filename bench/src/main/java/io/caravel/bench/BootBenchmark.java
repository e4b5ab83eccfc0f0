package io.caravel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up as an operator sees it: Payara Micro with the WAR in demo mode, started plainly
 * ({@code java -jar payara-micro.jar}) and as {@code ./run.sh} starts it (its runtime unpacked once, a
 * class-data archive), from launch until {@code /health/ready} and the catalog answer 200, and the
 * process's resident memory 20 s later. A first boot on an empty data folder (migrations, both sanctions lists loaded and recorded,
 * demo data) and a second boot on the same folder, each {@code -Dbench.boot.runs} times (default 3);
 * prints every run and the medians. The heap settings are run.sh's ({@code -Xmx1g
 * -XX:MaxMetaspaceSize=512m}, an idle heap handed back) unless {@code -Dbench.server.options} says otherwise.
 */
public final class BootBenchmark {

    private BootBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.boot.runs", 3);
        if (System.getProperty("bench.server.options") == null) {
            System.setProperty("bench.server.options", "-Xmx1g -XX:MaxMetaspaceSize=512m -Xss1m -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30");
        }
        List<double[]> first = new ArrayList<>();
        List<double[]> second = new ArrayList<>();
        List<double[]> scriptFirst = new ArrayList<>();
        List<double[]> scriptSecond = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // taken in turn, so a drift of the machine's speed weighs on both alike
            Path data = Files.createTempDirectory("caravel-boot");
            Path scripted = Files.createTempDirectory("caravel-boot-script");
            first.add(boot(data, "first", false));
            scriptFirst.add(boot(scripted, "first", true));
            second.add(boot(data, "second", false));
            scriptSecond.add(boot(scripted, "second", true));
        }
        System.out.printf("%nBoot benchmark, %d runs each, demo mode, H2; median (min–max):%n", runs);
        print("first boot, empty data folder", first);
        print("second boot, same data folder", second);
        print("./run.sh, first boot", scriptFirst);
        print("./run.sh, second boot", scriptSecond);
        System.out.printf("  ./run.sh second boot / plain second boot: %.2f%n", median(scriptSecond) / median(second));
    }

    private static double median(List<double[]> results) {
        double[] values = results.stream().mapToDouble(r -> r[0]).sorted().toArray();
        return values[values.length / 2];
    }

    /** One start, plain ({@code java -jar payara-micro.jar}) or as {@code ./run.sh} does it. */
    private static double[] boot(Path data, String which, boolean script) throws Exception {
        long start = System.nanoTime();
        try (LoadRun run = script ? LoadRun.script(data) : LoadRun.start(data, 0)) {
            run.awaitReady();
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(20_000);
            double rssMiB = run.rssKiB() / 1024.0;
            System.out.printf("  %-9s %-6s boot: ready in %5.1f s, RSS 20 s later %6.0f MiB%n", script ? "./run.sh" : "plain",
                    which, seconds, rssMiB);
            return new double[] {seconds, rssMiB};
        }
    }

    private static void print(String name, List<double[]> results) {
        for (int k = 0; k < 2; k++) {
            int figure = k;
            double[] values = results.stream().mapToDouble(r -> r[figure]).sorted().toArray();
            System.out.printf("  %-32s %-14s %8.1f (%.1f–%.1f)%n", name, figure == 0 ? "ready, s" : "RSS, MiB",
                    values[values.length / 2], values[0], values[values.length - 1]);
        }
    }
}
