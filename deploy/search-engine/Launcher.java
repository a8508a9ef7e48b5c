import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node for Wiel's tests and development, from the jars of Maven Central alone
 * (deploy/search-engine/pom.xml): the server with its HTTP transport (Netty 4) and the common
 * analysis module, loaded from the class path as the engine's own test framework does. Run by
 * deploy/search-engine/run as {@code java -cp 'lib/*' Launcher.java NAME HOME HTTP_PORT
 * TRANSPORT_PORT SEED_PORTS...}: with one seed port (its own) the node is a cluster of one,
 * with several it joins the others on 127.0.0.1. It binds to 127.0.0.1 only, keeps its data
 * under HOME, and stops on SIGTERM.
 */
public final class Launcher {
    /** Node's class-path constructor is protected: the test framework's MockNode uses it too. */
    static final class WielNode extends Node {
        WielNode(Environment environment) {
            super(environment, List.<Class<? extends Plugin>>of(Netty4Plugin.class, CommonAnalysisPlugin.class), true);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: Launcher NAME HOME HTTP_PORT TRANSPORT_PORT SEED_PORT...");
            System.exit(2);
        }
        String name = args[0];
        Path home = Path.of(args[1]).toAbsolutePath();
        String httpPort = args[2];
        String transportPort = args[3];
        List<String> seeds = List.of(args).subList(4, args.length);
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("config"));
        Configurator.setRootLevel(Level.WARN);

        Settings.Builder settings = Settings.builder()
            .put("cluster.name", "wiel-search")
            .put("node.name", name)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            // A shared development disk may be nearly full: never block writes for it.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", false);
        if (seeds.size() == 1) {
            settings.put("discovery.type", "single-node");
        } else {
            settings.putList("discovery.seed_hosts", seeds.stream().map(port -> "127.0.0.1:" + port).toList());
            settings.putList("cluster.initial_cluster_manager_nodes",
                java.util.stream.IntStream.rangeClosed(1, seeds.size()).mapToObj(n -> "wiel-" + n).toList());
        }
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings.build(), java.util.Map.of(), home.resolve("config"), () -> name);
        Node node = new WielNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            }
            stopped.countDown();
        }));
        node.start();
        System.out.println("wiel-search-engine " + name + " started on http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
