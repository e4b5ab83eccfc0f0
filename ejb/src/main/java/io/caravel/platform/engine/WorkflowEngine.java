package io.caravel.platform.engine;

import io.caravel.platform.Database;
import io.caravel.platform.NodeLocks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The embedded Camunda 7 process engine: the one place where it is wired to the container (JTA
 * transaction manager, the application's data source, CDI beans for delegates, managed threads for
 * the job executor). Moving to the Operaton fork changes this class and the imports only.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WorkflowEngine {

    public static final String ENGINE_NAME = "caravel";

    private static final Logger LOG = Logger.getLogger(WorkflowEngine.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    private DataSource dataSource;

    @Resource(lookup = "java:appserver/TransactionManager")
    private TransactionManager transactionManager;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory threadFactory;

    @Inject
    private BeanManager beanManager;

    @Inject
    private ProcessModels processModels;

    @Inject
    private NodeLocks nodeLocks;

    @Inject
    @ConfigProperty(name = "caravel.engine.job-executor.enabled", defaultValue = "true")
    private boolean jobExecutorEnabled;

    @Inject
    @ConfigProperty(name = "caravel.engine.job-executor.threads", defaultValue = "4")
    private int jobExecutorThreads;

    @Inject
    @ConfigProperty(name = "caravel.node.id")
    private Optional<String> configuredNodeId;

    @Inject
    @ConfigProperty(name = "caravel.engine.job-lock-time", defaultValue = "PT1M")
    private String jobLockTime;

    private volatile ProcessEngine engine;

    @PostConstruct
    void boot() {
        start();
    }

    /** Builds and starts the engine (creating or updating its tables) and deploys the process models. */
    public synchronized void start() {
        if (engine != null) {
            return;
        }
        JakartaTransactionProcessEngineConfiguration configuration = new JakartaTransactionProcessEngineConfiguration();
        configuration.setProcessEngineName(ENGINE_NAME);
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactionManager);
        configuration.setTransactionsExternallyManaged(true);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        EngineSettings.apply(configuration);
        configuration.setBeans(new CdiBeans(beanManager));
        String nodeId = nodeId();
        configuration.setHostname(nodeId);
        configuration.setJobExecutor(jobExecutor(nodeId));
        configuration.setJobExecutorActivate(false);
        // one node at a time: on an empty database two nodes would both create the engine's tables
        ProcessEngine started = nodeLocks.exclusively(NodeLocks.ENGINE_START, () -> {
            EngineSchema.createInFullUnicode(dataSource);
            ProcessEngine built = configuration.buildProcessEngine();
            processModels.deploy(built.getRepositoryService());
            return built;
        });
        int released = releaseLocksOfEarlierRun(nodeId);
        List<String> narrow = EngineSchema.narrowTables(dataSource);
        if (!narrow.isEmpty()) {
            LOG.warning(() -> "Tables that cannot store 4-byte characters (emoji, CJK Extension B), created before"
                    + " Caravel made every table utf8mb4: " + narrow + ". See docs/operations.md (MySQL / MariaDB).");
        }
        if (jobExecutorEnabled) {
            configuration.getJobExecutor().start();
        }
        engine = started;
        LOG.info(() -> "Workflow engine '" + ENGINE_NAME + "' started on node '" + nodeId + "' (job executor "
                + (jobExecutorEnabled ? "on" : "off") + ", " + released + " job locks of an earlier run released)");
    }

    /**
     * Jobs this node had locked when it stopped without finishing them (a crash, a kill) would wait
     * for their locks to expire; nothing of them was committed, and no other node holds them, so the
     * node releases them before its job executor starts and the work resumes at once.
     */
    private int releaseLocksOfEarlierRun(String nodeId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?")) {
            update.setString(1, nodeId);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot release the job locks of node " + nodeId, e);
        }
    }

    private String nodeId() {
        return configuredNodeId.filter(id -> !id.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "caravel";
            }
        });
    }

    /** Stops the job executor and closes the engine; {@link #isRunning()} is false until {@link #start()}. */
    @PreDestroy
    public synchronized void stop() {
        if (engine != null) {
            ProcessEngine closing = engine;
            engine = null;
            closing.close();
            LOG.info("Workflow engine stopped");
        }
    }

    public boolean isRunning() {
        return engine != null;
    }

    /** The running engine; fails when it is stopped. */
    public ProcessEngine engine() {
        ProcessEngine current = engine;
        if (current == null) {
            throw new IllegalStateException("The workflow engine is not running");
        }
        return current;
    }

    private ThreadPoolJobExecutor jobExecutor(String nodeId) {
        ThreadPoolJobExecutor executor = new ThreadPoolJobExecutor();
        executor.setLockOwner(nodeId);
        // A job locked by a node that died and does not come back waits this long for another node.
        // A job that outlives its lock cannot run twice: the second commit fails on the job's version.
        executor.setLockTimeInMillis((int) Duration.parse(jobLockTime).toMillis());
        int threads = Math.max(1, jobExecutorThreads);
        executor.setThreadPoolExecutor(new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(threads * 4), threadFactory));
        executor.setMaxJobsPerAcquisition(threads * 2);
        // An idle executor backs off up to maxWait between acquisitions (Camunda's default: 60 s), and
        // the "job added" hint does not always wake it under JTA; 5 s bounds how long a new async step
        // (e.g. a submitted listing's checks) can wait after a quiet period.
        executor.setWaitTimeInMillis(1_000);
        executor.setMaxWait(5_000);
        return executor;
    }
}
